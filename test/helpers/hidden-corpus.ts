/**
 * The hidden-data corpus of issue 15: variants generated here, each placing an ID number or a
 * mobile in one place a reader of the portal could see or extract — an item's text fields,
 * an attachment's name, each part of a DOCX, XLSX or PDF, image metadata — written plainly or
 * with the separators people (and evaders) use. `expect` says how the platform must keep it
 * off the portal: `flagged` (screening shows a hit the reviewer masks, or, in a PDF, one that
 * blocks publication until a redacted file is uploaded) or `stripped` (the published copy
 * drops that place). Controls are ordinary documents whose numbers are not personal data.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { gif, jpeg, pdf, png, type PdfSpec } from './hidden-files.ts';

/** The two secrets (the issue's examples) and how each may be written. */
export const secretId = '43062319850615110X';
export const secretMobile = '13800138000';

const id = {
  plain: secretId,
  grouped: '430623 19850615 110X',
  hyphens: '430623-19850615-110X',
  nbsp: '430623\u00a019850615\u00a0110X',
  zeroWidth: '430623198\u200b50615110X',
  fullWidth: '４３０６２３１９８５０６１５１１０Ｘ',
};
const mobile = {
  plain: secretMobile,
  spaced: '138 0013 8000',
  hyphens: '138-0013-8000',
  plus86: '+8613800138000',
  plus86spaced: '+86 138 0013 8000',
  zero86: '0086 13800138000',
  dash86: '86-13800138000',
  nbsp: '138\u00a00013\u00a08000',
  zeroWidth: '1380\u200c0138\u200d000',
  bom: '138\ufeff0013\u20608000',
  fullWidth: '１３８００１３８０００',
  mathBold: '𝟏𝟑𝟖 𝟎𝟎𝟏𝟑 𝟖𝟎𝟎𝟎',
};

export interface Variant {
  name: string;
  /** The item's form fields that differ from the standard one. */
  form?: Record<string, string>;
  attachment?: { filename: string; bytes: Uint8Array };
  /** A correction's reason (更正说明): the item is published clean first, then corrected. */
  correctionReason?: string;
  expect: 'flagged' | 'stripped';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---------------------------------------------------------------- DOCX

const ns = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:o="urn:schemas-microsoft-com:office:office"',
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"',
].join(' ');

const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const para = (inner: string) => `<w:p>${inner}</w:p>`;
const p = (text: string) => para(run(text));
const rel = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`;

interface DocxParts {
  body?: string;
  parts?: Record<string, string | Uint8Array>;
  rels?: string[];
  overrides?: string[];
  rootRels?: string[];
}

export async function docx(spec: DocxParts = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="htm" ContentType="text/html"/><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${(spec.overrides ?? []).join('')}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'word/document.xml')}${(spec.rootRels ?? []).join('')}</Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${ns}><w:body>${p('关于做好冬季森林防火工作的通知')}${spec.body ?? ''}<w:sectPr/></w:body></w:document>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${(spec.rels ?? []).join('')}</Relationships>`,
  );
  for (const [name, content] of Object.entries(spec.parts ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const wordPart = (root: string, inner: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} ${ns}>${inner}</w:${root}>`;

const inline = (attrs: string) =>
  para(
    `<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="图片 1" ${attrs}/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
  );

const docxVariants = async (): Promise<Variant[]> => {
  const v = (name: string, spec: DocxParts, expect: Variant['expect'] = 'flagged'): Promise<Variant> =>
    docx(spec).then((bytes) => ({ name: `DOCX ${name}`, attachment: { filename: '通知.docx', bytes }, expect }));
  const image = { 'word/media/image1.png': await png() };
  const imageRel = rel('rIdImg', 'image', 'media/image1.png');
  const core = (creator: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${esc(creator)}</dc:creator><dc:title>通知</dc:title></cp:coreProperties>`;
  return Promise.all([
    v('body, split over runs with a zero-width space', { body: para(run('联系人手机 138') + run('\u200b0013', '<w:b/>') + run('8000。')) }),
    v('body, grouped ID', { body: p(`身份证号 ${id.grouped}`) }),
    v('header', { parts: { 'word/header1.xml': wordPart('hdr', p(`联系电话 ${mobile.hyphens}`)) } }),
    v('footer', { parts: { 'word/footer1.xml': wordPart('ftr', p(`经办人身份证 ${id.nbsp}`)) } }),
    v('footnote', { parts: { 'word/footnotes.xml': wordPart('footnotes', `<w:footnote w:id="1">${p(`手机 ${mobile.plus86}`)}</w:footnote>`) } }),
    v('endnote', { parts: { 'word/endnotes.xml': wordPart('endnotes', `<w:endnote w:id="1">${p(`身份证 ${id.plain}`)}</w:endnote>`) } }),
    v('comment text', {
      parts: { 'word/comments.xml': wordPart('comments', `<w:comment w:id="0" w:author="审查员" w:initials="SC">${p(`核对 ${mobile.spaced}`)}</w:comment>`) },
    }),
    v(
      'comment author',
      {
        parts: {
          'word/comments.xml': wordPart(
            'comments',
            `<w:comment w:id="0" w:author="张三 ${mobile.plain}" w:initials="${mobile.plain}">${p('请核对')}</w:comment>`,
          ),
        },
      },
      'stripped',
    ),
    v('revision author', { body: para(`<w:ins w:id="1" w:author="李四${id.plain}" w:date="2026-01-01T00:00:00Z">${run('新增一句。')}</w:ins>`) }, 'stripped'),
    v('hidden text (w:vanish)', { body: para(run(`隐藏 ${id.hyphens}`, '<w:vanish/>')) }),
    v('deleted revision', {
      body: para(`<w:del w:id="2" w:author="甲" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>${mobile.nbsp}</w:delText></w:r></w:del>`),
    }),
    v('field code', {
      body: para(
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "tel:${mobile.plain}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
      ),
    }),
    v('text box (DrawingML)', {
      body: para(
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="2" name="文本框"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>${p(`文本框 ${id.zeroWidth}`)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p(`文本框 ${id.zeroWidth}`)}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ),
    }),
    v('text box (VML only)', {
      body: para(`<w:r><w:pict><v:shape id="t1"><v:textbox><w:txbxContent>${p(`电话${mobile.bom}`)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`),
    }),
    v('image alt text (descr)', { body: inline(`descr="持证人身份证 ${esc(id.plain)}"`), parts: image, rels: [imageRel] }),
    v('image title', { body: inline(`title="手机 ${esc(mobile.plain)}"`), parts: image, rels: [imageRel] }),
    v('content-control tag', { body: `<w:sdt><w:sdtPr><w:tag w:val="phone-${mobile.plain}"/></w:sdtPr><w:sdtContent>${p('联系方式')}</w:sdtContent></w:sdt>` }),
    v('content-control alias', { body: `<w:sdt><w:sdtPr><w:alias w:val="身份证${id.plain}"/></w:sdtPr><w:sdtContent>${p('身份证号')}</w:sdtContent></w:sdt>` }),
    v('SmartArt data', {
      parts: {
        'word/diagrams/data1.xml': `<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt modelId="1"><dgm:t><a:bodyPr/><a:p><a:r><a:t>联系人 ${esc(mobile.fullWidth)}</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>`,
      },
    }),
    v('SmartArt drawing', {
      parts: {
        'word/diagrams/drawing1.xml': `<dsp:drawing xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dsp:spTree><dsp:sp><dsp:txBody><a:p><a:r><a:t>${esc(id.grouped)}</a:t></a:r></a:p></dsp:txBody></dsp:sp></dsp:spTree></dsp:drawing>`,
      },
    }),
    v('chart value', { parts: { 'word/charts/chart1.xml': chart(`<c:pt idx="0"><c:v>${mobile.plain}</c:v></c:pt>`) } }),
    v('chart title', { parts: { 'word/charts/chart1.xml': chart('', `联系 ${mobile.dash86}`) } }),
    v('altChunk (HTML)', {
      body: '<w:altChunk r:id="rIdChunk"/>',
      parts: { 'word/afchunk.htm': `<html><body><p>申请人身份证：${id.plain}</p></body></html>` },
      rels: [rel('rIdChunk', 'aFChunk', 'afchunk.htm')],
    }),
    v('altChunk (DOCX)', {
      body: '<w:altChunk r:id="rIdChunk"/>',
      parts: { 'word/afchunk.docx': await docx({ body: p(`手机 ${mobile.plain}`) }) },
      rels: [rel('rIdChunk', 'aFChunk', 'afchunk.docx')],
    }),
    v(
      'document properties (core)',
      { parts: { 'docProps/core.xml': core(`王五 ${id.plain}`) }, rootRels: [rel('rIdCore', 'metadata/core-properties', 'docProps/core.xml')] },
      'stripped',
    ),
    v(
      'document properties (app)',
      {
        parts: {
          'docProps/app.xml': `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>${mobile.plain}</Company><Manager>${id.plain}</Manager></Properties>`,
        },
      },
      'stripped',
    ),
    v(
      'custom properties',
      {
        parts: {
          'docProps/custom.xml': `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="联系人"><vt:lpwstr>${mobile.plain}</vt:lpwstr></property></Properties>`,
        },
        rootRels: [rel('rIdCustom', 'custom-properties', 'docProps/custom.xml')],
      },
      'stripped',
    ),
    v(
      'customXml part',
      {
        parts: { 'customXml/item1.xml': `<root><phone>${mobile.plain}</phone><id>${id.plain}</id></root>` },
        rels: [rel('rIdX', 'customXml', '../customXml/item1.xml')],
      },
      'stripped',
    ),
    v(
      'glossary document',
      {
        parts: {
          'word/glossary/document.xml': wordPart(
            'glossaryDocument',
            `<w:docParts><w:docPart><w:docPartBody>${p(`模板 ${id.plain}`)}</w:docPartBody></w:docPart></w:docParts>`,
          ),
        },
        rels: [rel('rIdGloss', 'glossaryDocument', 'glossary/document.xml')],
      },
      'stripped',
    ),
    v(
      'embedded object',
      {
        body: para(`<w:r><w:object><v:shape id="ole1"/><o:OLEObject Type="Embed" ProgID="Package" ShapeID="ole1" r:id="rIdOle"/></w:object></w:r>`),
        parts: { 'word/embeddings/oleObject1.bin': new TextEncoder().encode(`\u0000\u0000 名单 ${id.plain} ${mobile.plain}`) },
        rels: [rel('rIdOle', 'oleObject', 'embeddings/oleObject1.bin')],
      },
      'stripped',
    ),
    v(
      'people part',
      {
        parts: {
          'word/people.xml': wordPart(
            'people',
            `<w15:person w15:author="赵六"><w15:presenceInfo w15:providerId="None" w15:userId="${mobile.plain}"/></w15:person>`,
          ),
        },
      },
      'stripped',
    ),
    v('hyperlink target (tel:)', {
      body: para(`<w:hyperlink r:id="rIdLink">${run('拨打电话')}</w:hyperlink>`),
      rels: [rel('rIdLink', 'hyperlink', `tel:${mobile.plus86}`, true)],
    }),
    v('bookmark name', { body: `<w:bookmarkStart w:id="0" w:name="tel${mobile.plain}"/>${p('联系方式')}<w:bookmarkEnd w:id="0"/>` }),
    v('simple field instruction', { body: para(`<w:fldSimple w:instr=" HYPERLINK &quot;tel:${mobile.hyphens}&quot; ">${run('拨打')}</w:fldSimple>`) }),
    v('document variable (settings)', {
      parts: { 'word/settings.xml': wordPart('settings', `<w:docVars><w:docVar w:name="contact" w:val="${mobile.zero86}"/></w:docVars>`) },
    }),
    v(
      'picture metadata (PNG text chunk inside)',
      { body: inline('descr="图片"'), parts: { 'word/media/image1.png': await png({ Comment: `手机${mobile.plain}` }) }, rels: [imageRel] },
      'stripped',
    ),
  ]);
};

function chart(points: string, title = ''): string {
  const t = title ? `<c:title><c:tx><c:rich><a:p><a:r><a:t>${esc(title)}</a:t></a:r></a:p></c:rich></c:tx></c:title>` : '';
  return `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart>${t}<c:plotArea><c:barChart><c:ser><c:cat><c:strRef><c:strCache><c:ptCount val="1"/>${points}</c:strCache></c:strRef></c:cat></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`;
}

// ---------------------------------------------------------------- XLSX

async function xlsx(build: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void, patch?: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '事项']);
  ws.addRow(['张三', '防火宣传']);
  build(wb, ws);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  if (patch) await patch(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function edit(zip: JSZip, name: string, change: (xml: string) => string): Promise<void> {
  zip.file(name, change(await zip.file(name)!.async('string')));
}

const xlsxVariants = async (): Promise<Variant[]> => {
  const v = (name: string, bytes: Promise<Uint8Array>, expect: Variant['expect'] = 'flagged'): Promise<Variant> =>
    bytes.then((b) => ({ name: `XLSX ${name}`, attachment: { filename: '名单.xlsx', bytes: b }, expect }));
  const none = () => {};
  return Promise.all([
    v(
      'cell',
      xlsx((_wb, ws) => ws.addRow(['李四', id.grouped])),
    ),
    v(
      'cell, a number',
      xlsx((_wb, ws) => ws.addRow(['李四', Number(mobile.plain)])),
    ),
    v(
      'formula text',
      xlsx((_wb, ws) => void (ws.getCell('C2').value = { formula: `IF(FALSE,"${id.plain}","")`, result: '' })),
    ),
    v(
      'hidden sheet',
      xlsx((wb) => wb.addWorksheet('底稿', { state: 'veryHidden' }).addRow([mobile.hyphens])),
    ),
    v(
      'sheet name',
      xlsx((wb) => wb.addWorksheet(`联系人${mobile.plain}`).addRow(['无'])),
    ),
    v(
      'cell note (comment)',
      xlsx((_wb, ws) => void (ws.getCell('B2').note = `手机 ${mobile.spaced}`)),
    ),
    v(
      'comment author',
      xlsx(
        (_wb, ws) => void (ws.getCell('B2').note = '已核对'),
        (zip) =>
          edit(zip, 'xl/comments1.xml', (x) =>
            x.replace(/<authors>[\s\S]*?<\/authors>/, `<authors><author>王五${id.plain}</author></authors>`).replace(/authorId="\d+"/g, 'authorId="0"'),
          ),
      ),
      'stripped',
    ),
    v(
      'header and footer',
      xlsx((_wb, ws) => void (ws.headerFooter.oddFooter = `经办人 ${id.nbsp}`)),
    ),
    v(
      'hyperlink',
      xlsx((_wb, ws) => void (ws.getCell('C2').value = { text: '联系', hyperlink: `mailto:x@example.com?body=${mobile.plain}` })),
    ),
    v(
      'data validation prompt',
      xlsx(
        (_wb, ws) =>
          void (ws.getCell('B3').dataValidation = {
            type: 'list',
            allowBlank: true,
            formulae: ['"是,否"'],
            showInputMessage: true,
            promptTitle: '提示',
            prompt: `咨询 ${mobile.plus86spaced}`,
          }),
      ),
    ),
    v(
      'data validation list',
      xlsx((_wb, ws) => void (ws.getCell('B4').dataValidation = { type: 'list', allowBlank: true, formulae: [`"${id.plain},无"`] })),
    ),
    v(
      'defined name',
      xlsx(none, (zip) =>
        edit(zip, 'xl/workbook.xml', (x) =>
          x
            .replace('</sheets>', `</sheets><definedNames><definedName name="联系电话">"${mobile.plain}"</definedName></definedNames>`)
            .replace(/<definedNames\/>/, ''),
        ),
      ),
    ),
    v(
      'number format',
      xlsx((_wb, ws) => void (ws.getCell('B2').numFmt = `"电话${mobile.plain}"@`)),
    ),
    v(
      'unused shared string',
      xlsx(none, (zip) => edit(zip, 'xl/sharedStrings.xml', (x) => x.replace('</sst>', `<si><t>${id.plain}</t></si></sst>`))),
    ),
    v(
      'threaded comment',
      xlsx(
        none,
        async (zip) =>
          void zip.file(
            'xl/threadedComments/threadedComment1.xml',
            `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="A1" id="{00000000-0000-0000-0000-000000000001}" personId="{00000000-0000-0000-0000-000000000002}"><text>请联系 ${mobile.bom}</text></threadedComment></ThreadedComments>`,
          ),
      ),
    ),
    v(
      'threaded comment person',
      xlsx(
        none,
        async (zip) =>
          void zip.file(
            'xl/persons/person.xml',
            `<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="孙七${mobile.plain}" id="{00000000-0000-0000-0000-000000000002}" userId="${id.plain}" providerId="AD"/></personList>`,
          ),
      ),
      'stripped',
    ),
    v(
      'drawing text box',
      xlsx(
        none,
        async (zip) =>
          void zip.file(
            'xl/drawings/drawing1.xml',
            `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:sp><xdr:nvSpPr><xdr:cNvPr id="2" name="文本框 1"/></xdr:nvSpPr><xdr:txBody><a:p><a:r><a:t>${esc(id.fullWidth)}</a:t></a:r></a:p></xdr:txBody></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>`,
          ),
      ),
    ),
    v(
      'drawing alt text',
      xlsx(
        none,
        async (zip) =>
          void zip.file(
            'xl/drawings/drawing1.xml',
            `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:twoCellAnchor><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="图片" descr="持证人 ${esc(id.plain)}"/></xdr:nvPicPr></xdr:pic></xdr:twoCellAnchor></xdr:wsDr>`,
          ),
      ),
    ),
    v(
      'chart',
      xlsx(none, async (zip) => void zip.file('xl/charts/chart1.xml', chart(`<c:pt idx="0"><c:v>${mobile.zeroWidth}</c:v></c:pt>`))),
    ),
    v(
      'pivot cache',
      xlsx(
        none,
        async (zip) =>
          void zip.file(
            'xl/pivotCache/pivotCacheRecords1.xml',
            `<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"><r><s v="${mobile.plain}"/></r></pivotCacheRecords>`,
          ),
      ),
    ),
    v(
      'document properties',
      xlsx((wb) => {
        wb.creator = `王五${id.plain}`;
        wb.company = mobile.plain;
      }),
      'stripped',
    ),
    v(
      'embedded object',
      xlsx(none, async (zip) => void zip.file('xl/embeddings/oleObject1.bin', new TextEncoder().encode(`名单 ${id.plain}`))),
      'stripped',
    ),
    v(
      'customXml',
      xlsx(none, async (zip) => void zip.file('customXml/item1.xml', `<r><id>${id.plain}</id></r>`)),
      'stripped',
    ),
  ]);
};

// ---------------------------------------------------------------- PDF

const pdfVariants = (): Variant[] => {
  const v = (name: string, spec: PdfSpec): Variant => ({ name: `PDF ${name}`, attachment: { filename: '通知.pdf', bytes: pdf(spec) }, expect: 'flagged' });
  return [
    v('page text', { lines: ['Contact', `Mobile ${mobile.hyphens}`] }),
    v('text off the page', { offPage: `ID ${id.plain}` }),
    v('document information (Author)', { info: mobile.plain }),
    v('XMP metadata', { xmp: id.plain }),
    v('annotation', { annotation: `call ${mobile.plain}` }),
    v('form field', { field: id.plain }),
    v('embedded file', { embedded: `name,id\nWang,${id.plain}\n` }),
    v('bookmark', { bookmark: `Contact ${mobile.plain}` }),
    v('figure alt text (tagged PDF)', { alt: `Holder ID ${id.plain}` }),
  ];
};

// ---------------------------------------------------------------- images

const imageVariants = async (): Promise<Variant[]> => [
  { name: 'PNG tEXt chunk', attachment: { filename: '现场.png', bytes: await png({ Author: `王五 ${id.plain}` }) }, expect: 'stripped' },
  { name: 'PNG iTXt chunk', attachment: { filename: '现场.png', bytes: await png({ Comment: `手机 ${mobile.plain}` }, true) }, expect: 'stripped' },
  { name: 'JPEG EXIF', attachment: { filename: '现场.jpg', bytes: jpeg({ exif: id.plain }) }, expect: 'stripped' },
  { name: 'JPEG XMP', attachment: { filename: '现场.jpg', bytes: jpeg({ xmp: mobile.plain }) }, expect: 'stripped' },
  { name: 'JPEG comment', attachment: { filename: '现场.jpg', bytes: jpeg({ comment: `tel ${mobile.plain}` }) }, expect: 'stripped' },
  { name: 'GIF comment', attachment: { filename: '现场.gif', bytes: gif(`id ${id.plain}`) }, expect: 'stripped' },
];

// ---------------------------------------------------------------- fields and names

const fieldVariants = async (): Promise<Variant[]> => {
  const clean = await docx({ body: p('正文') });
  return [
    { name: '名称 with an ID', form: { title: `关于张三（身份证${id.plain}）的公示` }, expect: 'flagged' },
    { name: '名称 with a mobile split by NBSP', form: { title: `防火联系人手机${mobile.nbsp}` }, expect: 'flagged' },
    { name: '文号 with a mobile', form: { docNo: `插政发${mobile.plain}号` }, expect: 'flagged' },
    { name: '文号 with an ID in full-width digits', form: { docNo: id.fullWidth }, expect: 'flagged' },
    { name: '内容概述 with +86', form: { summary: `咨询电话${mobile.plus86}` }, expect: 'flagged' },
    { name: '正文 with an ID split by a zero-width space', form: { body: `申请人身份证号${id.zeroWidth}。` }, expect: 'flagged' },
    { name: '正文 with a grouped ID', form: { body: `身份证号：${id.grouped}` }, expect: 'flagged' },
    { name: '正文 with an ID in hyphenated groups', form: { body: `身份证号：${id.hyphens}` }, expect: 'flagged' },
    { name: '正文 with 0086', form: { body: `联系电话 ${mobile.zero86}` }, expect: 'flagged' },
    { name: '正文 with 86-', form: { body: `联系电话 ${mobile.dash86}` }, expect: 'flagged' },
    { name: '正文 with +86 and groups', form: { body: `联系电话 ${mobile.plus86spaced}` }, expect: 'flagged' },
    { name: '正文 with a BOM and a word joiner', form: { body: `手机${mobile.bom}` }, expect: 'flagged' },
    { name: '正文 with ZWNJ/ZWJ', form: { body: `手机${mobile.zeroWidth}` }, expect: 'flagged' },
    { name: '正文 in full-width digits', form: { body: `手机${mobile.fullWidth}` }, expect: 'flagged' },
    { name: '正文 in mathematical bold digits', form: { body: `手机${mobile.mathBold}` }, expect: 'flagged' },
    { name: '更正说明 with a mobile', correctionReason: `应当事人（电话${mobile.spaced}）要求更正`, expect: 'flagged' },
    { name: 'attachment name with a mobile', attachment: { filename: `联系人${mobile.plain}.docx`, bytes: clean }, expect: 'flagged' },
    { name: 'attachment name with a grouped ID', attachment: { filename: `${id.grouped}名单.docx`, bytes: clean }, expect: 'flagged' },
  ];
};

export async function hiddenVariants(): Promise<Variant[]> {
  return [...(await fieldVariants()), ...(await docxVariants()), ...(await xlsxVariants()), ...pdfVariants(), ...(await imageVariants())];
}

/** Ordinary documents whose numbers are not personal data: nothing may be flagged. */
export async function controls(): Promise<Variant[]> {
  const text = '华政办发〔2023〕12号。2023年12月31日前完成，预算 1,234,567.89 元，增长 12.5%，邮编 414000，办公电话见指南，第 3 页。';
  return [
    { name: 'control: fields', form: { docNo: '华政办发〔2023〕12号', body: text, summary: '2024-03-01 至 2024-12-31' }, expect: 'flagged' },
    {
      name: 'control: DOCX',
      attachment: { filename: '〔2023〕12号.docx', bytes: await docx({ body: p(text) + p('表 1 2 3 4 5 6 7 8 9 10 11 12') }) },
      expect: 'flagged',
    },
    {
      name: 'control: XLSX',
      attachment: {
        filename: '2023年预算.xlsx',
        bytes: await xlsx((_wb, ws) => {
          ws.addRow(['预算', 1234567.89, '2023-12-31', 20231231]);
          ws.addRow([text]);
        }),
      },
      expect: 'flagged',
    },
    {
      name: 'control: PDF',
      attachment: {
        filename: '2023年预算.pdf',
        bytes: pdf({ lines: ['Budget 2023: 1,234,567.89 yuan', 'Date 2023-12-31, No. (2023) 12'], info: 'Finance Office 2023' }),
      },
      expect: 'flagged',
    },
  ];
}
