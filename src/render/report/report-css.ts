/** Styles of the report tables, shared by the standalone export and the site stylesheet. */
export const reportCss = `
.annual-report { font-family: "FangSong", "仿宋", "Noto Serif CJK SC", serif; line-height: 1.8; }
.annual-report h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 1.15rem; margin: 1.5rem 0 .75rem; }
.annual-report p { text-indent: 2em; margin: .4rem 0; }
.annual-report .signature p { text-align: right; text-indent: 0; }
.report-table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
.report-table caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; } /* the section heading shows it */
.report-table th, .report-table td { border: 1px solid #333; padding: .3rem .4rem; text-align: center; vertical-align: middle; }
.report-table th.stub { text-align: left; font-weight: normal; }
.report-table td.value { font-variant-numeric: tabular-nums; }
.report-table td.flagged, .report-section.flagged > h2 { background: #fde2e1; outline: 2px solid #b3261e; }
.finding-ref { color: #b3261e; font-weight: bold; margin-left: .15rem; }
.report-table td a { color: inherit; }
@media (max-width: 40rem) { .report-table { font-size: .75rem; } }
`;
