/**
 * The page frame of the portal and the staff pages: landmarks, a skip link, the site
 * header and footer, the 政府网站发展指引 meta tags (SiteName, ColumnName, …) and the
 * 关怀版 switch (large print and high contrast, by a cookie: no JavaScript).
 */
import { createContext, useContext, type Child, type FC } from 'hono/jsx';
import type { SiteInfo } from '../site.ts';
import { catalogueCategories } from '../../law/catalogue-categories.ts';

export interface Viewer {
  displayName: string;
  csrf: string;
  /** Staff areas the viewer may open, besides the workbench. */
  links?: readonly (readonly [string, string])[];
}

/** What the frame takes from the request (provided by sendPage). */
export interface PageView {
  care: boolean;
  /** The page's own path and query, where the 关怀版 switch returns to. */
  path: string;
}
export const PageContext = createContext<PageView>({ care: false, path: '/' });

export interface LayoutProps {
  title: string;
  site: SiteInfo;
  /** Page meta tags of the 政府网站发展指引 (ColumnName, ArticleTitle, PubDate, …). */
  meta?: Record<string, string>;
  /** Atom feeds of the page, linked as rel="alternate". */
  feeds?: readonly { title: string; href: string }[];
  /** Stylesheets the page needs besides the site's (e.g. /assets/letter.css). */
  stylesheets?: readonly string[];
  /** The signed-in staff member, on staff pages. */
  viewer?: Viewer | null;
  area?: 'portal' | 'admin';
  children?: Child;
}

export const Layout: FC<LayoutProps> = ({ title, site, meta = {}, feeds = [], stylesheets = [], viewer, area = 'portal', children }) => {
  const view = useContext(PageContext);
  const careSwitch = `/care?on=${view.care ? 0 : 1}&back=${encodeURIComponent(view.path)}`;
  return (
    <html lang="zh-CN" class={view.care ? 'care' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${site.name}`}</title>
        <meta name="SiteName" content={site.name} />
        <meta name="SiteDomain" content={site.domain} />
        <meta name="SiteIDCode" content={site.idCode} />
        {Object.entries(meta).map(([name, content]) => (
          <meta name={name} content={content} />
        ))}
        {feeds.map((f) => (
          <link rel="alternate" type="application/atom+xml" title={f.title} href={f.href} />
        ))}
        <link rel="stylesheet" href="/static/site.css" />
        <link rel="stylesheet" href="/assets/report.css" />
        {stylesheets.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
      </head>
      <body class={view.care ? `${area} care` : area}>
        <a class="skip-link" href="#main">
          跳到正文
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href={area === 'admin' ? '/admin' : '/'}>
              {site.name}
              <span class="site-sub">{area === 'admin' ? '政务公开工作平台' : '政府信息公开'}</span>
            </a>
            <nav aria-label="主导航">
              <ul>
                {area === 'admin' ? (
                  <>
                    <li>
                      <a href="/admin">工作台</a>
                    </li>
                    {(viewer?.links ?? []).map(([label, href]) => (
                      <li>
                        <a href={href}>{label}</a>
                      </li>
                    ))}
                    <li>
                      <a href="/">门户网站</a>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <a href="/">首页</a>
                    </li>
                    <li>
                      <a href="/agencies">政府信息公开</a>
                    </li>
                    <li>
                      <a href="/items">公开信息</a>
                    </li>
                    <li>
                      <a href="/annual-reports">{catalogueCategories.annualReports.label}</a>
                    </li>
                    <li>
                      <a href="/apply">网上申请</a>
                    </li>
                    <li>
                      <a href="/apply/status">申请查询</a>
                    </li>
                    <li>
                      <a href={careSwitch} class="care-switch">
                        {view.care ? '标准版' : '关怀版'}
                      </a>
                    </li>
                  </>
                )}
                {viewer ? (
                  <li>
                    <form method="post" action="/admin/logout" class="inline">
                      <input type="hidden" name="_csrf" value={viewer.csrf} />
                      <span class="who">{viewer.displayName}</span> <button type="submit">退出</button>
                    </form>
                  </li>
                ) : area === 'admin' ? (
                  ''
                ) : (
                  <li>
                    <a href="/admin">工作人员登录</a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              主办：{site.name}　网站标识码：{site.idCode}
            </p>
            <p>乡镇、县直部门统一通过本平台公开政府信息（《政府网站发展指引》）。</p>
          </div>
        </footer>
      </body>
    </html>
  );
};

/** A list of problems with the fields they concern, shown above a form. */
export const ErrorSummary: FC<{ errors: readonly { field: string; message: string }[] }> = ({ errors }) =>
  errors.length ? (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">请更正以下问题</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#field-${e.field.replace(/\./g, '-')}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  ) : (
    ''
  );
