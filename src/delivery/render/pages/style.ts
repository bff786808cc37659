// The public pages' one stylesheet, inline in every document: the pages load nothing (their CSP
// allows no stylesheet from anywhere) and must work offline and in the static export. System fonts
// only, with Japanese faces named first on Japanese pages so kanji take Japanese forms.
//
// Tables: a real <table> from 40rem up (60rem for the seven-column history); below that each row
// is a card and each cell shows the label it carries in the markup (.cell-label, hidden while the
// column headers are there), so both layouts read correctly with or without table semantics.
// Words never break mid-word: Latin text wraps at spaces, Japanese by its own line-breaking rules
// (strict), and only a token longer than the line (a long address) breaks, as a last resort.

const SANS =
  'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans CJK JP","Noto Sans JP","Yu Gothic UI","Yu Gothic",Meiryo,sans-serif'
const JAPANESE =
  '"Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans CJK JP","Noto Sans JP","Yu Gothic UI","Yu Gothic",Meiryo,system-ui,sans-serif'

const stacked = (table: string, below: string): string => `@media screen and (max-width:${below}){
${table},${table}>tbody,${table}>tbody>tr,${table}>tbody>tr>th,${table}>tbody>tr>td{display:block;width:auto;min-width:0}
${table}>caption{display:block}
${table}>thead{display:none}
${table}>tbody>tr{border:1px solid var(--rule);border-radius:.5rem;margin:0 0 1rem;padding:.5rem 1rem}
${table}>tbody>tr>th,${table}>tbody>tr>td{border:0;padding:.375rem 0}
${table}>tbody>tr>td:empty{display:none}
${table} .cell-label{display:block}
}`

export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1f;--muted:#55575d;--rule:#c4c7cc;--soft:#f4f5f7;--link:#0a58ca;--visited:#6a3fb1;--accent:#0a58ca;--on-accent:#fff;--notice:#eef4fd;--ins-bg:#d6f2dc;--ins-fg:#0b3d18;--del-bg:#fbe0e0;--del-fg:#6e1010;--focus:#c2410c}
@media (prefers-color-scheme:dark){:root{--bg:#131417;--fg:#e7e8ea;--muted:#aeb2b9;--rule:#454a52;--soft:#1c1e22;--link:#8cb8ff;--visited:#c8a8ff;--accent:#8cb8ff;--on-accent:#0d1626;--notice:#17202e;--ins-bg:#123d1f;--ins-fg:#cdf3d6;--del-bg:#4a1818;--del-fg:#ffd8d8;--focus:#fdba74}}
html{font-family:${SANS};line-height:1.65;-webkit-text-size-adjust:100%;text-size-adjust:100%;background:var(--bg);color:var(--fg)}
:lang(ja){font-family:${JAPANESE};line-break:strict}
html:lang(ja){line-height:1.8}
body{max-width:68rem;margin:0 auto;padding:0 1rem 2rem;overflow-wrap:break-word}
a{color:var(--link);text-underline-offset:.15em}
a:visited{color:var(--visited)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip-link{position:absolute;left:-100vw}
.skip-link:focus{position:static;display:inline-block;margin:.5rem 0}
h1,h2,h3{line-height:1.3;text-wrap:balance}
h1{font-size:clamp(1.55rem,1.2rem + 1.6vw,2.2rem);margin:1.5rem 0 1rem}
h2{font-size:1.35rem;margin:2rem 0 .75rem}
h3{font-size:1.15rem}
main>p,main>section>p,main>ul{max-width:48rem}
.site-header{border-bottom:1px solid var(--rule);padding:.75rem 0}
.site-bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1.5rem}
.site-brand{display:inline-flex;align-items:center;gap:.6rem;color:var(--fg);text-decoration:none;font-weight:700;font-size:1.15rem}
.site-brand:visited{color:var(--fg)}
.site-logo{height:2.25rem;width:auto;max-width:10rem}
.site-nav{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem 2rem;margin-top:.5rem}
.site-nav ul{display:flex;flex-wrap:wrap;gap:0 1rem;list-style:none;margin:0;padding:0}
.site-nav li{padding:.2rem 0}
.page-nav a[aria-current]{font-weight:700;color:var(--fg);text-decoration-thickness:2px}
.lang-nav [aria-current]{font-weight:700}
.unavailable{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:1rem 0 1.5rem}
caption{text-align:start;font-weight:700;padding:.5rem 0}
th,td{border:1px solid var(--rule);padding:.6rem .75rem;text-align:start;vertical-align:top}
thead th{background:var(--soft)}
tbody th{font-weight:600}
.categories tbody th{width:22%;min-width:8em}
td>p:first-of-type,th>p:first-of-type{margin-top:0}
td>p:last-child{margin-bottom:0}
.cell-label{display:none;font-size:.8125rem;font-weight:600;color:var(--muted);letter-spacing:.02em}
${stacked('table.categories', '40rem')}
${stacked('table.history', '60rem')}
.notice{background:var(--notice);border:1px solid var(--accent);border-inline-start-width:.375rem;border-radius:.375rem;padding:.75rem 1rem;margin:1.25rem 0}
.notice>:first-child{margin-top:0}
.notice>:last-child{margin-bottom:0}
.notice h2{font-size:1.15rem;margin-top:0}
ins{background:var(--ins-bg);color:var(--ins-fg)}
del{background:var(--del-bg);color:var(--del-fg)}
ins.block,del.block{display:block;text-decoration:none;background:none;color:inherit;border-inline-start:.4rem solid var(--ins-fg);padding-inline-start:.75rem}
del.block{border-inline-start-color:var(--del-fg)}
.subscribe{border-top:1px solid var(--rule);margin-top:2.5rem}
.subscribe input[type=email],.subscribe select{font:inherit;width:100%;max-width:24rem;box-sizing:border-box;padding:.45rem .6rem;border:1px solid var(--muted);border-radius:.25rem;background:var(--bg);color:var(--fg)}
.subscribe fieldset{border:1px solid var(--rule);border-radius:.375rem;max-width:24rem}
button{font:inherit;padding:.5rem 1.25rem;border:1px solid var(--accent);border-radius:.375rem;background:var(--accent);color:var(--on-accent);cursor:pointer}
.site-footer{border-top:1px solid var(--rule);margin-top:2.5rem;padding-top:.5rem;color:var(--muted);font-size:.9375rem}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#333;--rule:#888;--link:#000;--visited:#000;--notice:#fff;--soft:#fff;--accent:#000}
html{font-size:10.5pt}
body{max-width:none;padding:0}
.skip-link,.site-nav,.privacy-link,.subscribe{display:none}
a{text-decoration:none}
main a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}
tr,.notice,li{break-inside:avoid}
h1,h2,h3,caption{break-after:avoid}
thead{display:table-header-group}
}
`.trim()
