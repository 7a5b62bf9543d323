/*
 * Paste from Word, LibreOffice or a web page into a letter section: the clipboard's HTML becomes the editor's
 * Markdown-light (paragraphs, bulleted and numbered lists, bold, italics, links). Styles, Word's `mso-` markup,
 * conditional comments, images and scripts are dropped; only the text and that structure are kept.
 */
import { EditorView } from '@codemirror/view';

interface Block { text: string; depth: number; ordered: boolean; }   // depth 0: a paragraph, 1+: a list item

const SKIP = new Set(['HEAD', 'STYLE', 'SCRIPT', 'META', 'TITLE', 'LINK', 'IMG', 'SVG', 'OBJECT', 'IFRAME',
  'XML', 'O:P', 'V:SHAPE', 'V:IMAGEDATA', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'NOSCRIPT', 'TEMPLATE']);
const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'HEADER',
  'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'PRE', 'ADDRESS', 'FIGURE', 'FIGCAPTION', 'DL', 'DT', 'DD', 'TABLE', 'THEAD',
  'TBODY', 'TFOOT', 'TR', 'HR', 'UL', 'OL', 'LI', 'CENTER']);

const BLOCK_SELECTOR = Array.from(BLOCKS).map((t) => t.toLowerCase()).join(',');

function style(el: Element, prop: string): string {
  const s = (el.getAttribute('style') || '').toLowerCase();
  const m = s.match(new RegExp('(?:^|;)\\s*' + prop + '\\s*:\\s*([^;]+)'));
  return m ? m[1].trim() : '';
}

/** Word's list paragraphs (`mso-list:l0 level2 lfo1`) and the glyph span it marks `mso-list:Ignore`. */
function wordListLevel(el: Element): number {
  const v = style(el, 'mso-list');
  if (!v || v === 'ignore' || v === 'none') return 0;
  const m = v.match(/level(\d+)/);
  return m ? parseInt(m[1], 10) : 1;
}

function isIgnoredGlyph(el: Element): boolean {
  return style(el, 'mso-list') === 'ignore';
}

function escapeText(s: string): string {
  return s.replace(/([\\*_])/g, '\\$1');
}

function safeHref(href: string | null): string | null {
  if (!href) return null;
  const h = href.trim();
  return /^(https?:|mailto:)/i.test(h) ? h.replace(/[()\s]/g, (c) => encodeURIComponent(c)) : null;
}

/** Puts the marker inside the surrounding spaces (`** gras **` is not bold in Markdown). */
function wrap(inner: string, marker: string): string {
  if (!inner.trim()) return inner;
  const lead = inner.match(/^\s*/)![0];
  const trail = inner.match(/\s*$/)![0];
  return lead + marker + inner.trim() + marker + trail;
}

function inline(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) {
    return escapeText((node.textContent || '').replace(/[\s\u00a0]+/g, ' '));
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return '';   // comments (Word's <!--[if …]>), processing instructions
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (SKIP.has(tag) || isIgnoredGlyph(el) || style(el, 'display') === 'none') return '';
  if (tag === 'BR') return '\n';
  const inner = Array.from(el.childNodes).map(inline).join('');
  const weight = style(el, 'font-weight');
  const fontStyle = style(el, 'font-style');
  // Google Docs wraps whole pastes in <b style="font-weight:normal">: the style wins over the tag.
  const bold = weight ? (weight === 'bold' || weight === 'bolder' || parseInt(weight, 10) >= 600)
    : (tag === 'B' || tag === 'STRONG');
  const italic = fontStyle ? fontStyle === 'italic' || fontStyle === 'oblique' : (tag === 'I' || tag === 'EM');
  let out = inner;
  if (italic) out = wrap(out, '_');
  if (bold) out = wrap(out, '**');
  if (tag === 'A') {
    const href = safeHref(el.getAttribute('href'));
    const text = out.trim();
    if (href && text) {
      const lead = out.match(/^\s*/)![0];
      const trail = out.match(/\s*$/)![0];
      out = lead + '[' + text.replace(/[[\]]/g, '\\$&') + '](' + href + ')' + trail;
    }
  }
  return out;
}

/** Walks the blocks of the pasted HTML; inline runs between blocks become paragraphs. */
function blocks(parent: Node, depth: number, ordered: boolean, out: Block[]) {
  let run = '';
  const flush = () => {
    if (run.trim()) out.push({ text: run, depth: 0, ordered: false });
    run = '';
  };
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType !== Node.ELEMENT_NODE) {
      run += inline(node);
      continue;
    }
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (!BLOCKS.has(tag) && !el.querySelector(BLOCK_SELECTOR)) {
      run += inline(el);
      continue;
    }
    if (!BLOCKS.has(tag)) {
      // An inline wrapper around blocks (Google Docs' <b style="font-weight:normal">): walk into its blocks.
      flush();
      blocks(el, depth, ordered, out);
      continue;
    }
    flush();
    const level = wordListLevel(el);
    if (tag === 'UL' || tag === 'OL') {
      blocks(el, depth + 1, tag === 'OL', out);
    } else if (tag === 'LI') {
      const own = Array.from(el.childNodes).filter((c) => !(c instanceof Element && /^(UL|OL)$/i.test(c.tagName)));
      const text = own.map((c) => (c instanceof Element && BLOCKS.has(c.tagName.toUpperCase())
        ? Array.from(c.childNodes).map(inline).join('') : inline(c))).join(' ');
      out.push({ text, depth: Math.max(depth, 1), ordered });
      el.querySelectorAll(':scope > ul, :scope > ol').forEach((sub) =>
        blocks(sub, Math.max(depth, 1) + 1, sub.tagName.toUpperCase() === 'OL', out));
    } else if (level > 0) {
      const glyph = Array.from(el.querySelectorAll('span')).find(isIgnoredGlyph)?.textContent?.trim() || '';
      out.push({ text: inline(el), depth: level, ordered: /^(\d+|[a-z]{1,4})[.)]$/i.test(glyph) });
    } else if (tag === 'TR') {
      const cells = Array.from(el.children).map((c) => Array.from(c.childNodes).map(inline).join('').trim())
        .filter((c) => c);
      if (cells.length) out.push({ text: cells.join(' ; '), depth: 0, ordered: false });
    } else if (tag === 'HR') {
      // a rule carries no text
    } else if (/^H[1-6]$/.test(tag)) {
      out.push({ text: wrap(Array.from(el.childNodes).map(inline).join(''), '**'), depth: 0, ordered: false });
    } else {
      blocks(el, depth, ordered, out);
    }
  }
  flush();
}

/** The Markdown-light text of a pasted HTML fragment ('' when it holds no text). */
export function htmlToMarkdown(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found: Block[] = [];
  blocks(doc.body, 0, false, found);
  const lines: string[] = [];
  const counters: number[] = [];
  let previous: Block | null = null;
  for (const b of found) {
    const text = b.text.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).join('\n').trim();
    if (!text) continue;
    if (b.depth === 0) {
      counters.length = 0;
      lines.push((previous ? '\n' : '') + text);
    } else {
      // A top-level list of the other kind right after one: a separate list, after a blank line.
      const switched = previous !== null && previous.depth === 1 && b.depth === 1 && previous.ordered !== b.ordered;
      if (switched) counters.length = 0;
      counters.length = Math.min(counters.length, b.depth);
      while (counters.length < b.depth) counters.push(0);
      counters[b.depth - 1]++;
      const marker = b.ordered ? counters[b.depth - 1] + '. ' : '- ';
      const indent = '   '.repeat(b.depth - 1);
      lines.push((previous && (previous.depth === 0 || switched) ? '\n' : '') + indent + marker
        + text.replace(/\n/g, '\n' + indent + '   '));
    }
    previous = b;
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** CodeMirror extension: an HTML paste is converted; a plain-text paste keeps CodeMirror's own handling. */
export const pasteFromWord = EditorView.domEventHandlers({
  paste(event, view) {
    const html = event.clipboardData?.getData('text/html');
    if (!html || view.state.readOnly) return false;
    let markdown = htmlToMarkdown(html);
    if (!markdown) return false;
    event.preventDefault();
    if (markdown.includes('\n')) {
      // Paragraphs or a list pasted next to text on the same line: keep them blocks of their own.
      const { from, to } = view.state.selection.main;
      const line = view.state.doc.lineAt(from);
      const endLine = view.state.doc.lineAt(to);
      if (line.text.slice(0, from - line.from).trim()) markdown = '\n\n' + markdown;
      if (endLine.text.slice(to - endLine.from).trim()) markdown += '\n\n';
    }
    view.dispatch({ ...view.state.replaceSelection(markdown), scrollIntoView: true, userEvent: 'input.paste' });
    return true;
  },
});
