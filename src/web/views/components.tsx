/** Small pieces shared by portal and staff pages. */
import type { FC } from 'hono/jsx';

/** The metadata block of a published item, as county portals show it above the title. */
export const MetadataBlock: FC<{ rows: readonly (readonly [string, string])[] }> = ({ rows }) => (
  <dl class="metadata">
    {rows.map(([k, v]) => (
      <div>
        <dt>{k}</dt>
        <dd>{v}</dd>
      </div>
    ))}
  </dl>
);

export const Breadcrumbs: FC<{ trail: readonly (readonly [string, string | null])[] }> = ({ trail }) => (
  <nav aria-label="当前位置" class="breadcrumbs">
    <ol>
      {trail.map(([label, href]) => (
        <li>{href ? <a href={href}>{label}</a> : <span aria-current="page">{label}</span>}</li>
      ))}
    </ol>
  </nav>
);

/** Previous / next page links for a list. */
export const Pager: FC<{ page: number; pages: number; href: (page: number) => string }> = ({ page, pages, href }) =>
  pages > 1 ? (
    <nav aria-label="分页" class="pager">
      {page > 1 ? <a href={href(page - 1)}>上一页</a> : ''}
      <span>
        第{page}页，共{pages}页
      </span>
      {page < pages ? <a href={href(page + 1)}>下一页</a> : ''}
    </nav>
  ) : (
    ''
  );

/** A field's hint and its error message under the label, and the attributes that tie them to the control. */
function described(id: string, hint: string | undefined, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    notes: (
      <>
        {hint ? (
          <p class="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : (
          ''
        )}
        {error ? (
          <p class="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : (
          ''
        )}
      </>
    ),
    attrs: { ...(ids ? { 'aria-describedby': ids } : {}), ...(error ? { 'aria-invalid': 'true' } : {}) },
  };
}

/** A labelled drop-down. `empty` adds a first option without a value (全部…, 不选). */
export const SelectField: FC<{
  name: string;
  label: string;
  value?: string | number | null | undefined;
  options: readonly (readonly [string | number, string])[];
  empty?: string;
  id?: string;
  hint?: string;
  error?: string;
}> = ({ name, label, value, options, empty, id = `field-${name}`, hint, error }) => {
  const d = described(id, hint, error);
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {d.notes}
      <select id={id} name={name} {...d.attrs}>
        {empty !== undefined ? <option value="">{empty}</option> : ''}
        {options.map(([k, l]) => (
          <option value={String(k)} selected={value !== undefined && value !== null && String(k) === String(value)}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
};

/** A labelled text input (or a textarea when `rows` is given), with its hint and error message. */
export const TextField: FC<{
  name: string;
  label: string;
  value?: string | number | null | undefined;
  type?: string;
  rows?: number;
  id?: string;
  hint?: string;
  error?: string;
  attrs?: Record<string, string | number>;
}> = ({ name, label, value, type = 'text', rows, id = `field-${name}`, hint, error, attrs = {} }) => {
  const d = described(id, hint, error);
  const v = value === undefined || value === null ? '' : String(value);
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {d.notes}
      {rows ? (
        <textarea id={id} name={name} rows={rows} {...d.attrs} {...attrs}>
          {v}
        </textarea>
      ) : (
        <input id={id} name={name} type={type} value={v} {...d.attrs} {...attrs} />
      )}
    </div>
  );
};

/** A form or query value as text: the first of repeated values, '' for none. */
export const firstString = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

export function positiveInt(value: unknown): number | null {
  const s = String(value ?? '');
  return /^[1-9]\d{0,9}$/.test(s) ? Number(s) : null;
}
