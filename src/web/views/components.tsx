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

/**
 * Warning and clock marks as inline SVG, not emoji: 政务外网 desktops (麒麟, 统信 UOS) often lack an emoji
 * font and show an empty box. Decorative: the words beside them say the same.
 */
export const Icon: FC<{ name: 'warning' | 'clock' }> = ({ name }) => (
  <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    {name === 'warning' ? (
      <path d="M8 1 15 14H1Z M7.25 6h1.5v4h-1.5Z M7.25 11h1.5v1.5h-1.5Z" fill="currentColor" fill-rule="evenodd" />
    ) : (
      <path
        d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11ZM7.25 4v4.4l3 1.8.75-1.3-2.25-1.35V4Z"
        fill="currentColor"
        fill-rule="evenodd"
      />
    )}
  </svg>
);
