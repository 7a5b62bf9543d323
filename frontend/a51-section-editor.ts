/*
 * <a51-section-editor>: one letter section, co-edited live. CodeMirror 6 holds the text and maps every remote
 * change through the caret and selection; differential synchronisation (mirrors LiveSection.java and the Java
 * SyncClient used by the tests: keep the three in step) talks to the server through the Flow wrapper
 * (fr.atelier51.workspace.ui.SectionEditor): `$server.sync(json)` answers, `poke()` asks us to sync.
 *
 * Nothing typed is dropped: unacknowledged text stays in the page (and in localStorage, so a reload or a lost
 * session merges it back); when the shadows cannot be reconciled we rejoin with a three-way merge; when even
 * that is impossible, editing is blocked and the text stays visible to copy.
 */
import { EditorState, StateEffect, StateField, Transaction, Annotation, RangeSetBuilder } from '@codemirror/state';
import { EditorView, Decoration, DecorationSet, keymap, layer, LayerMarker } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown, markdownKeymap } from '@codemirror/lang-markdown';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import DiffMatchPatch from 'diff-match-patch';
import { pasteFromWord } from './a51-paste';

type Op = number | string;
interface Edit { n: number; ops: Op[]; h: number; }
interface Answer { seq: number; n: number; m: number; ops: Op[] | null; h: number; version: number; error: string | null; stale?: boolean; }
interface Peer { name: string; colour: string; anchor: number; head: number; version?: number; }
interface Server {
  sync(request: string): Promise<string>;
  rejoin(): Promise<string>;
  caret(anchor: number, head: number, version: number): Promise<void>;
  selection(from: number, to: number, quote: string): Promise<void>;
  focusThread(id: number): Promise<void>;
}

/**
 * How long typing waits before it is sent when nothing is in flight: a burst of key events (auto-repeat, an input
 * method) goes in one message, and it is under a frame. Typing during a round trip goes right after the answer.
 */
const TYPING_BATCH_MS = 10;

/**
 * Our caret is told to the others once we have been still this long: while we type, they see it move with our
 * text (their copy of our caret follows insertions made at it), and a caret call would hold back our next sync
 * (Vaadin sends one call at a time) and make every page redraw everyone's carets several times a second.
 */
const CARET_QUIET_MS = 250;

const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = 0.5;

/** Java's String.hashCode over UTF-16 units. */
export function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  }
  return h;
}

export function diffOps(from: string, to: string): Op[] {
  if (from === to) return [];
  const diffs = dmp.diff_main(from, to, false);
  if (diffs.length > 2) dmp.diff_cleanupEfficiency(diffs);
  return diffs.filter(([, t]) => t.length > 0).map(([op, t]) => (op === 0 ? t.length : op === -1 ? -t.length : t));
}

export function applyOps(base: string, ops: Op[]): string {
  let out = '';
  let pos = 0;
  for (const op of ops) {
    if (typeof op === 'string') {
      out += op;
    } else {
      const len = Math.abs(op);
      if (op === 0 || pos + len > base.length) throw new Error('change does not fit');
      if (op > 0) out += base.substring(pos, pos + len);
      pos += len;
    }
  }
  if (pos !== base.length) throw new Error('change does not cover');
  return out;
}

function tokens(text: string): string[] {
  return text.match(/\S*\s*/g)!.filter((t) => t.length > 0);
}

/** Minimal diffs for merging: no time limit, hence no "half match" shortcut pairing a word with another copy. */
const exact = new DiffMatchPatch();
exact.Diff_Timeout = 0;

/** One changed run of the base, refined to characters when it is one contiguous insertion or deletion. */
class Change {
  prefix = -1;
  suffix = -1;
  insertion = false;
  readonly start: number;
  readonly deleted: string;
  readonly inserted: string;
  constructor(start: number, deleted: string, inserted: string) {
    this.start = start;
    this.deleted = deleted;
    this.inserted = inserted;
    const max = Math.min(deleted.length, inserted.length);
    let p = 0;
    while (p < max && deleted[p] === inserted[p]) p++;
    let s = 0;
    while (s < max - p && deleted[deleted.length - 1 - s] === inserted[inserted.length - 1 - s]) s++;
    if (p + s === max && max > 0) {
      this.prefix = p;
      this.suffix = s;
      this.insertion = inserted.length > deleted.length;
    }
  }
  markDeleted(mask: boolean[]) {
    const refined = this.prefix >= 0;
    const from = this.start + (refined ? this.prefix : 0);
    const to = this.start + this.deleted.length - (refined ? this.suffix : 0);
    for (let i = from; i < to; i++) mask[i] = true;
  }
  /** A refined insertion into words the other side deleted entirely: back to replacing whole words. */
  unrefineIfWordsDeleted(other: boolean[]): boolean {
    if (this.prefix < 0 || !this.insertion) return false;
    for (let i = this.start; i < this.start + this.deleted.length; i++) if (!other[i]) return false;
    this.prefix = -1;
    this.suffix = -1;
    return true;
  }
  ops(out: Op[]) {
    const p = Math.max(this.prefix, 0);
    const s = Math.max(this.suffix, 0);
    if (p > 0) out.push(p);
    if (this.deleted.length > p + s) out.push(-(this.deleted.length - p - s));
    if (this.inserted.length > p + s) out.push(this.inserted.substring(p, this.inserted.length - s));
    if (s > 0) out.push(s);
  }
}

/** Keeps and changed runs turning `from` into `to`, by words (see WordMerge.pieces); null when too many words. */
/** Where a token of tokens() starts: after white space, at a character that is not. */
function wordStart(text: string, i: number): boolean {
  return /\s/.test(text[i - 1]) && !/\s/.test(text[i]);
}

/** As WordMerge.pieces: only the words between the common head and tail are tokenised and diffed. */
function pieces(from: string, to: string): (number | Change)[] | null {
  const common = Math.min(from.length, to.length);
  let prefix = 0;
  while (prefix < common && from[prefix] === to[prefix]) prefix++;
  let suffix = 0;
  while (suffix < common - prefix && from[from.length - 1 - suffix] === to[to.length - 1 - suffix]) suffix++;
  let head = prefix - 1;
  while (head > 0 && !wordStart(from, head)) head--;
  head = Math.max(head, 0);
  let tail = from.length - suffix + 1;
  while (tail < from.length && !wordStart(from, tail)) tail++;
  if (tail >= from.length || tail < head) tail = from.length;
  const tailLength = from.length - tail;
  const ta = tokens(from.slice(head, tail));
  const tb = tokens(to.slice(head, to.length - tailLength));
  const codes = new Map<string, string>();
  const enc = (ts: string[]) => ts.map((t) => {
    let c = codes.get(t);
    if (c === undefined) {
      c = String.fromCharCode(codes.size + 1);
      codes.set(t, c);
    }
    return c;
  }).join('');
  const a = enc(ta);
  const b = enc(tb);
  if (codes.size >= 0xd000) return null;
  const out: (number | Change)[] = [];
  if (head > 0) out.push(head);
  let ia = 0, ib = 0, pos = head, deleted = '', inserted = '';
  const flush = () => {
    if (deleted || inserted) {
      out.push(new Change(pos, deleted, inserted));
      pos += deleted.length;
      deleted = '';
      inserted = '';
    }
  };
  for (const [op, t] of exact.diff_main(a, b, false)) {
    const count = t.length;
    if (op === 0) {
      flush();
      const len = ta.slice(ia, ia + count).join('').length;
      out.push(len);
      pos += len;
      ia += count;
      ib += count;
    } else if (op === -1) {
      deleted += ta.slice(ia, ia + count).join('');
      ia += count;
    } else {
      inserted += tb.slice(ib, ib + count).join('');
      ib += count;
    }
  }
  flush();
  if (tailLength > 0) out.push(tailLength);
  return out;
}

function deletedMask(length: number, ps: (number | Change)[]): boolean[] {
  const mask = new Array<boolean>(length).fill(false);
  for (const p of ps) if (p instanceof Change) p.markDeleted(mask);
  return mask;
}

function piecesOps(ps: (number | Change)[]): Op[] {
  const out: Op[] = [];
  for (const p of ps) {
    if (p instanceof Change) p.ops(out);
    else out.push(p);
  }
  return out;
}

/** Three-way merge keeping both sides' insertions, exactly as WordMerge.java (keep the two in step). */
export function merge(base: string, changed: string, current: string): string {
  if (base === current) return changed;
  if (base === changed || changed === current) return current;
  const pa = pieces(base, current);
  const pb = pieces(base, changed);
  let a: Op[];
  let b: Op[];
  if (pa === null || pb === null) {
    a = diffOps(base, current);
    b = diffOps(base, changed);
  } else {
    for (let moved = true; moved;) {
      const da = deletedMask(base.length, pa);
      const db = deletedMask(base.length, pb);
      moved = false;
      for (const p of pa) if (p instanceof Change && p.unrefineIfWordsDeleted(db)) moved = true;
      for (const p of pb) if (p instanceof Change && p.unrefineIfWordsDeleted(da)) moved = true;
    }
    a = piecesOps(pa);
    b = piecesOps(pb);
  }
  let out = '';
  let ia = 0, ib = 0, ra = 0, rb = 0, pos = 0;
  for (;;) {
    if (ia < a.length && typeof a[ia] === 'string') { out += a[ia++]; continue; }
    if (ib < b.length && typeof b[ib] === 'string') { out += b[ib++]; continue; }
    if (ia >= a.length || ib >= b.length) break;
    const opA = a[ia] as number;
    const opB = b[ib] as number;
    if (ra === 0) ra = Math.abs(opA);
    if (rb === 0) rb = Math.abs(opB);
    const len = Math.min(ra, rb);
    if (opA > 0 && opB > 0) out += base.substring(pos, pos + len);
    pos += len;
    ra -= len;
    rb -= len;
    if (ra === 0) ia++;
    if (rb === 0) ib++;
  }
  return out;
}

/** Where position `pos` of the text `ops` apply to goes; text inserted right at it comes after it. */
function mapPos(ops: Op[], pos: number): number {
  let from = 0;
  let to = 0;
  for (const op of ops) {
    if (typeof op === 'string') {
      if (from < pos) to += op.length;
      continue;
    }
    const len = Math.abs(op);
    if (pos <= from + len) return to + (op > 0 ? pos - from : 0);
    from += len;
    if (op > 0) to += len;
  }
  return to + pos - from;
}

/** CodeMirror changes (positions in the old document) for operations. */
function toChanges(ops: Op[]) {
  const changes: { from: number; to?: number; insert?: string }[] = [];
  let pos = 0;
  for (const op of ops) {
    if (typeof op === 'string') {
      changes.push({ from: pos, insert: op });
    } else if (op > 0) {
      pos += op;
    } else {
      changes.push({ from: pos, to: pos - op });
      pos -= op;
    }
  }
  return changes;
}

const remote = Annotation.define<boolean>();
const setPeers = StateEffect.define<Peer[]>();

/**
 * Remote carets are drawn in a layer over the text, never inside it: a widget in the editable content makes the
 * browser put the local caret on the wrong side of it, and typed letters come out in the wrong order.
 */
class CaretMarker implements LayerMarker {
  constructor(readonly left: number, readonly top: number, readonly height: number, readonly peer: Peer) {}
  eq(other: CaretMarker) {
    return other.left === this.left && other.top === this.top && other.height === this.height
      && other.peer.name === this.peer.name && other.peer.colour === this.peer.colour;
  }
  draw() {
    const el = document.createElement('div');
    el.className = 'a51-remote-caret';
    el.style.cssText = `position:absolute;left:${this.left}px;top:${this.top}px;height:${this.height}px;`
      + `border-left:2px solid ${this.peer.colour};pointer-events:none;`;
    const label = document.createElement('span');
    label.className = 'a51-remote-caret-label';
    label.textContent = this.peer.name;
    label.style.cssText = `position:absolute;top:-1.25em;left:-2px;font-size:11px;line-height:1.2;padding:0 3px;`
      + `border-radius:3px;color:#fff;white-space:nowrap;background:${this.peer.colour};`;
    el.appendChild(label);
    return el;
  }
  update() {
    return false;
  }
}

const caretLayer = layer({
  above: true,
  class: 'a51-remote-carets',
  markers(view) {
    const rect = view.scrollDOM.getBoundingClientRect();
    const baseLeft = rect.left - view.scrollDOM.scrollLeft * view.scaleX;
    const baseTop = rect.top - view.scrollDOM.scrollTop * view.scaleY;
    const markers: LayerMarker[] = [];
    const len = view.state.doc.length;
    for (const p of view.state.field(peersField).peers) {
      const c = view.coordsAtPos(Math.min(Math.max(p.head, 0), len));
      if (c) markers.push(new CaretMarker(c.left - baseLeft, c.top - baseTop, c.bottom - c.top, p));
    }
    return markers;
  },
  update(update) {
    return update.docChanged || update.viewportChanged || update.geometryChanged
      || update.transactions.some((t) => t.effects.some((e) => e.is(setPeers)));
  },
});

const peersField = StateField.define<{ peers: Peer[]; deco: DecorationSet }>({
  create: () => ({ peers: [], deco: Decoration.none }),
  update(value, tr) {
    let peers = value.peers;
    for (const e of tr.effects) {
      if (e.is(setPeers)) peers = e.value;
    }
    if (tr.docChanged && peers === value.peers) {
      // text inserted right at a caret goes before it: a peer typing pushes its own caret along
      peers = peers.map((p) => ({ ...p, anchor: tr.changes.mapPos(Math.min(p.anchor, tr.startState.doc.length), 1),
        head: tr.changes.mapPos(Math.min(p.head, tr.startState.doc.length), 1) }));
    }
    if (peers === value.peers) return value;
    const len = tr.state.doc.length;
    const ranges: { from: number; to: number; deco: Decoration }[] = [];
    for (const p of peers) {
      const head = Math.min(Math.max(p.head, 0), len);
      const anchor = Math.min(Math.max(p.anchor, 0), len);
      if (anchor !== head) {
        ranges.push({ from: Math.min(anchor, head), to: Math.max(anchor, head),
          deco: Decoration.mark({ attributes: { style: `background:${p.colour}33` } }) });
      }
    }
    ranges.sort((x, y) => x.from - y.from || x.to - y.to);
    const builder = new RangeSetBuilder<Decoration>();
    for (const r of ranges) builder.add(r.from, r.to, r.deco);
    return { peers, deco: builder.finish() };
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
});

function wrap(marker: string) {
  return (view: EditorView) => {
    view.dispatch(view.state.changeByRange((range) => ({
      changes: [{ from: range.from, insert: marker }, { from: range.to, insert: marker }],
      range: range.empty ? { anchor: range.from + marker.length, head: range.from + marker.length } as any
        : { anchor: range.from + marker.length, head: range.to + marker.length } as any,
    })));
    return true;
  };
}

// ---- comments and suggestions: selection reporting, anchored passages ---------------------------------------
// (kept apart from the sync code: the server tells which passages carry open threads; CodeMirror maps them through
// every local or remote change; a click on one asks the server to focus its thread)

interface ThreadAnchor { id: number; from: number; to: number; kind: string; quote: string; }
const setThreadAnchors = StateEffect.define<ThreadAnchor[]>();

/** Where a passage is in this editor's text: where the server saw it, else the nearest place holding the quote. */
export function locateQuote(doc: string, a: ThreadAnchor): [number, number] | null {
  if (!a.quote) return null;
  if (a.from >= 0 && doc.substring(a.from, a.to) === a.quote) return [a.from, a.to];
  let best = -1;
  for (let at = doc.indexOf(a.quote); at >= 0; at = doc.indexOf(a.quote, at + 1)) {
    if (best < 0 || Math.abs(at - a.from) < Math.abs(best - a.from)) best = at;
  }
  return best < 0 ? null : [best, best + a.quote.length];
}

const threadAnchorsField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setThreadAnchors)) continue;
      const doc = tr.state.doc.toString();
      const ranges = [];
      for (const a of e.value) {
        const at = locateQuote(doc, a);
        if (!at) continue;
        ranges.push(Decoration.mark({
          class: 'a51-thread-mark a51-thread-' + a.kind.toLowerCase(),
          attributes: { 'data-thread': String(a.id) },
        }).range(at[0], at[1]));
      }
      next = Decoration.set(ranges, true);
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const threadTheme = EditorView.baseTheme({
  '.a51-thread-mark': { backgroundColor: '#fff1a8', borderBottom: '2px solid #e0b400', cursor: 'pointer' },
  '.a51-thread-suggestion': { backgroundColor: '#dcefff', borderBottom: '2px dashed #1565c0' },
});

/** The comment extensions of one editor: decorations, clicks on them, and the selection sent to the server. */
function threadExtensions(el: { $server: Server }) {
  let timer: number | undefined;
  let last = '';
  const report = (view: EditorView) => {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      timer = undefined;
      const sel = view.state.selection.main;
      const quote = sel.empty ? '' : view.state.sliceDoc(sel.from, sel.to);
      const key = sel.empty ? '' : `${sel.from}:${sel.to}:${quote}`;
      if (key === last) return;
      last = key;
      el.$server.selection(sel.empty ? -1 : sel.from, sel.empty ? -1 : sel.to, quote).catch(() => undefined);
    }, 150);
  };
  return [
    threadAnchorsField,
    threadTheme,
    EditorView.domEventHandlers({
      click: (event) => {
        const mark = (event.target as HTMLElement | null)?.closest?.('[data-thread]') as HTMLElement | null;
        if (mark?.dataset.thread) el.$server.focusThread(Number(mark.dataset.thread)).catch(() => undefined);
        return false;
      },
    }),
    EditorView.updateListener.of((u) => {
      if (u.selectionSet || u.docChanged) report(u.view);
    }),
  ];
}

type State = 'saved' | 'sending' | 'offline' | 'broken' | 'readonly' | 'revoked';

export class SectionEditorElement extends HTMLElement {
  $server!: Server;
  private view?: EditorView;
  private statusEl!: HTMLElement;
  private host!: HTMLElement;
  private labels: Record<string, string> = {};
  private readOnly = false;
  private storageKey = '';
  // sync state (see SyncClient.java)
  private shadow = '';
  private acked = '';
  private n = 0;
  private m = 0;
  private stack: Edit[] = [];
  private seq = 0;
  private awaitingSeq = -1;
  private sentAt = 0;
  private timer?: number;
  private blocked = false;
  private caretTimer?: number;
  private lastState?: State;
  private rejoining = false;
  private poked = false;
  /** Pushes that came while a message was in flight: taken after its answer, when they follow on from it. */
  private held: Answer[] = [];
  private peersJson = '';
  private anchorsJson = '[]';
  // Server version of the text the shadow holds: carets travel as positions in it, never in a local copy that
  // has changes the other side has not seen yet (the caret would jump by them).
  private version = -1;
  private peers: Peer[] = [];
  /** Some peer's caret is in a newer version than our text: placed again once our text has caught up. */
  private peersAhead = false;
  /** The connection state as last drawn (drawn again only when it changes). */
  private drawnState?: State;
  private lastCaret = '';

  connectedCallback() {
    if (this.host) {
      this.view?.setRoot(this.editorRoot()); // moved in the page
      return;
    }
    this.style.display = 'block';
    this.statusEl = document.createElement('div');
    this.statusEl.className = 'a51-sync-status';
    this.statusEl.setAttribute('role', 'status');
    this.statusEl.setAttribute('aria-live', 'polite');
    this.host = document.createElement('div');
    this.host.className = 'a51-editor-host';
    this.append(this.statusEl, this.host);
    window.addEventListener('online', () => { this.render(); this.schedule(0); });
    window.addEventListener('offline', () => this.render());
    window.setInterval(() => this.tick(), 1000);
  }

  private editorRoot(): Document | ShadowRoot {
    const root = this.getRootNode();
    return root instanceof Document || root instanceof ShadowRoot ? root : document;
  }

  /** Called by the server once attached: the text the session starts from (its shadow at versions 0, 0). */
  init(text: string, readOnly: boolean, storageKey: string, labelsJson: string, version = -1) {
    this.version = version;
    this.labels = JSON.parse(labelsJson);
    this.drawnState = undefined; // new labels: draw the state again
    this.readOnly = readOnly;
    this.storageKey = 'a51:' + storageKey;
    this.shadow = text;
    this.acked = text;
    this.n = 0; this.m = 0; this.stack = []; this.seq = 0; this.awaitingSeq = -1;
    let start = text;
    const kept = this.loadLocal();
    if (kept && !readOnly && kept.text !== kept.acked) {
      start = merge(kept.acked, kept.text, text); // typing that never reached the server, from a previous page
    }
    if (this.view) {
      this.replaceDoc(start);
    } else {
      this.view = new EditorView({
        parent: this.host,
        // The tree this element lives in (the document here), never the shadow root of the layout it is slotted
        // into: CodeMirror guesses its root by following assignedSlot, and in that shadow root activeElement is
        // null, so the editor believes it never has focus, stops writing its selection into the DOM, and typed
        // letters land at the browser's stale caret (after Enter, before the new line; after a remote change, at 0).
        root: this.editorRoot(),
        state: EditorState.create({
          doc: start,
          extensions: [
            history(),
            keymap.of([
              { key: 'Mod-b', run: wrap('**') },
              { key: 'Mod-i', run: wrap('_') },
              ...markdownKeymap, ...defaultKeymap, ...historyKeymap]),
            markdown(),
            syntaxHighlighting(defaultHighlightStyle),
            EditorView.lineWrapping,
            pasteFromWord,
            EditorState.readOnly.of(readOnly),
            EditorView.editable.of(!readOnly),
            peersField,
            caretLayer,
            ...threadExtensions(this),
            EditorView.updateListener.of((u) => {
              const local = !u.transactions.some((t) => t.annotation(remote));
              if (u.docChanged && local) {
                this.saveLocal();
                this.schedule(TYPING_BATCH_MS);
              }
              if (local && (u.selectionSet || u.docChanged)) this.reportCaret(true);
            }),
          ],
        }),
      });
    }
    this.setAnchors(this.anchorsJson);
    this.render();
    this.schedule(0);
  }

  /** The passages of this section's open threads: [{id, from, to, kind, quote}] (server offsets). */
  setAnchors(json: string) {
    this.anchorsJson = json;
    if (!this.view) return; // applied by init
    window.requestAnimationFrame(() => this.view?.dispatch({ effects: setThreadAnchors.of(JSON.parse(this.anchorsJson)) }));
  }

  /** The text changed on the server: sync as soon as the answer we wait for (if any) is in. */
  poke() {
    this.poked = true;
    this.schedule(0);
  }

  /**
   * The server's change pushed with its notification (the server half of a sync cycle, unasked): taken at once when
   * nothing is in flight and the versions match, so a peer's keystroke shows without a round trip. Otherwise it is
   * ignored and we sync; the server then takes it back (LiveSection keeps the shadows we may still be at). One that
   * comes while a message is in flight is held until its answer (the server computed it over the answer's state).
   */
  push(json: string) {
    const r = JSON.parse(json) as Answer;
    if (r.version >= 0 && this.version >= 0 && r.version <= this.version && !this.rejoining) return; // our last answer had it
    if (this.view && !this.blocked && !this.rejoining && this.awaitingSeq >= 0) {
      this.held.push(r);
      return;
    }
    if (!this.view || this.blocked || this.rejoining || this.awaitingSeq >= 0 || r.n !== this.n || r.m !== this.m
      || !r.ops || !this.applyServer(r)) {
      this.poke();
      return;
    }
    this.afterServer(r);
  }

  /** Other people's carets in this section, each in the server's text at its version. */
  setPeers(json: string) {
    if (json === this.peersJson || !this.view) return;
    this.peersJson = json;
    this.peers = JSON.parse(json);
    this.showPeers();
  }

  /**
   * Places peers' carets in our text: from the server's text at our shadow's version through our unsent changes.
   * A caret in a newer version than ours waits (where it was) until its text has reached us.
   */
  private showPeers() {
    if (!this.view) return;
    const local = diffOps(this.shadow, this.text);
    const before = this.view.state.field(peersField).peers; // as shown, mapped through every change since
    const placed: Peer[] = [];
    for (const p of this.peers) {
      const ahead = p.version !== undefined && p.version >= 0 && this.version >= 0 && p.version > this.version;
      const at = ahead ? before.find((q) => q.name === p.name && q.colour === p.colour)
        : { ...p, anchor: mapPos(local, p.anchor), head: mapPos(local, p.head) };
      if (at) placed.push(at);
    }
    this.peersAhead = this.peers.some((p) => p.version !== undefined && p.version >= 0 && this.version >= 0
      && p.version > this.version);
    // Never in the middle of the browser's own input handling: let CodeMirror read the DOM first.
    window.requestAnimationFrame(() => this.view?.dispatch({ effects: setPeers.of(placed) }));
  }

  /** Access ended (removed from the project): stop, keep the text visible. */
  revoke(message: string) {
    this.blocked = true;
    this.lastState = undefined;
    this.labels.revoked = message;
    this.render('revoked');
    this.view?.dispatch({ effects: [] });
    this.view?.contentDOM.setAttribute('contenteditable', 'false');
  }

  get text(): string {
    return this.view ? this.view.state.doc.toString() : '';
  }

  private schedule(delay: number) {
    if (this.timer !== undefined) return;
    this.timer = window.setTimeout(() => { this.timer = undefined; this.syncNow(); }, delay);
  }

  private tick() {
    // An answer that never came (connection lost, server restarted): send everything again.
    if (this.awaitingSeq >= 0 && Date.now() - this.sentAt > 8000 && navigator.onLine) {
      this.awaitingSeq = -1;
      this.schedule(0);
    } else if (this.awaitingSeq < 0 && this.text !== this.shadow) {
      this.schedule(0);
    }
    this.render();
  }

  /** Offline: the browser says so, or our last message has waited more than 3 s for its answer. */
  private online(): boolean {
    return navigator.onLine && !(this.awaitingSeq >= 0 && Date.now() - this.sentAt > 3000);
  }

  private async syncNow() {
    if (!this.view || this.blocked || this.rejoining || this.awaitingSeq >= 0) return;
    const text = this.text;
    if (text !== this.shadow && !this.readOnly) {
      this.stack.push({ n: this.n, ops: diffOps(this.shadow, text), h: hash(text) });
      this.n++;
      this.shadow = text;
    }
    const seq = ++this.seq;
    this.poked = false;
    this.awaitingSeq = seq;
    this.sentAt = Date.now();
    this.render();
    let answer: Answer;
    try {
      answer = JSON.parse(await this.$server.sync(JSON.stringify({ seq, m: this.m, edits: this.stack })));
    } catch (e) {
      if (this.awaitingSeq === seq) this.awaitingSeq = -1;
      this.render();
      window.setTimeout(() => this.schedule(0), 2000);
      return;
    }
    this.receive(answer);
  }

  private receive(r: Answer) {
    if (r.seq !== this.awaitingSeq) return; // overtaken by a newer message
    this.awaitingSeq = -1;
    if (r.stale) {
      // The server had already seen this message (delivered twice): nothing is wrong with the shadows, so never
      // rejoin (a rejoin's merge could repeat words); send again, the server recovers a lost answer itself.
      this.schedule(30);
      return;
    }
    if (r.error === 'closed' || r.error === 'read-only') { this.revoke(this.labels.revoked ?? ''); return; }
    if (r.error || r.n !== this.n) { this.rejoin(); return; }
    this.stack = this.stack.filter((e) => e.n >= r.n);
    if (r.ops) {
      if (r.m !== this.m || !this.applyServer(r)) { this.rejoin(); return; }
    } else if (hash(this.shadow) !== r.h) {
      this.rejoin();
      return;
    }
    if (r.version >= 0) this.version = Math.max(this.version, r.version);
    this.takeHeld();
    this.afterServer(r);
  }

  /** Applies the server's change over our shadow (strictly, hash checked) and merges it into our text. */
  private applyServer(r: Answer): boolean {
    let next: string;
    try { next = applyOps(this.shadow, r.ops!); } catch { return false; }
    if (hash(next) !== r.h) return false;
    const local = this.text;
    if (local === this.shadow) {
      this.view!.dispatch({ changes: toChanges(r.ops!), annotations: [remote.of(true), Transaction.addToHistory.of(false)] });
    } else {
      this.replaceDoc(merge(this.shadow, next, local));
    }
    this.shadow = next;
    this.m++;
    return true;
  }

  /** After an answer: the pushes held meanwhile, in order, as long as they follow on (else we sync). */
  private takeHeld() {
    const held = this.held;
    this.held = [];
    for (const p of held) {
      if (p.version >= 0 && p.version <= this.version) continue; // the answer had it
      if (!p.ops || p.n !== this.n || p.m !== this.m || !this.applyServer(p)) {
        this.poked = true;
        return;
      }
      this.version = Math.max(this.version, p.version);
    }
  }

  private afterServer(r: Answer) {
    this.acked = this.shadow;
    if (r.version >= 0) this.version = Math.max(this.version, r.version);
    // carets already shown follow every change in the editor; only those that were waiting are placed again
    if (this.peersAhead) this.showPeers();
    this.reportCaret();
    this.saveLocal();
    this.render();
    if (this.text !== this.shadow || this.poked) this.schedule(this.poked ? 0 : TYPING_BATCH_MS);
  }

  /** Moves the document to `target` with the smallest change, so carets and selections map through it. */
  private replaceDoc(target: string) {
    const current = this.text;
    if (current === target) return;
    // A minimal character diff (no clean-up): every character that stays keeps its place, and so do carets.
    const ops: Op[] = dmp.diff_main(current, target, false).filter(([, t]) => t.length > 0)
      .map(([op, t]) => (op === 0 ? t.length : op === -1 ? -t.length : t));
    this.view!.dispatch({ changes: toChanges(ops), annotations: [remote.of(true), Transaction.addToHistory.of(false)] });
  }

  /** The shadows disagree: take a fresh session and merge our text onto its text, three-way. */
  private async rejoin() {
    if (this.rejoining) return;
    this.rejoining = true;
    try {
      const fresh = JSON.parse(await this.$server.rejoin()) as { text: string; version?: number; error?: string };
      if (fresh.error) throw new Error(fresh.error);
      const mine = this.text;
      this.replaceDoc(merge(this.acked, mine, fresh.text));
      this.shadow = fresh.text;
      this.version = fresh.version ?? -1;
      this.acked = fresh.text;
      this.n = 0; this.m = 0; this.stack = []; this.seq = 0; this.awaitingSeq = -1; this.held = [];
      this.rejoining = false;
      this.schedule(0);
    } catch (e) {
      this.rejoining = false;
      this.blocked = true;
      this.view?.contentDOM.setAttribute('contenteditable', 'false');
      this.render('broken');
    }
  }

  /**
   * Our selection, as positions in the server's text our shadow holds (see showPeers), once we have been still for
   * CARET_QUIET_MS: `restart` (our own typing or caret move) starts the wait again; a server change does not.
   */
  private reportCaret(restart = false) {
    if (!this.view) return;
    if (this.caretTimer !== undefined) {
      if (!restart) return;
      window.clearTimeout(this.caretTimer);
    }
    this.caretTimer = window.setTimeout(() => {
      this.caretTimer = undefined;
      // Vaadin sends one call at a time: a caret call in flight would hold back the next sync, so syncs go first
      if (this.awaitingSeq >= 0 || this.timer !== undefined) { this.reportCaret(); return; }
      const sel = this.view!.state.selection.main;
      const back = diffOps(this.text, this.shadow);
      const anchor = mapPos(back, sel.anchor);
      const head = mapPos(back, sel.head);
      // Positions only: a remote change after our caret moves our version but not our place, and a caret call per
      // remote change from every page would queue ahead of the syncs.
      const key = `${anchor}:${head}`;
      if (key === this.lastCaret) return;
      this.lastCaret = key;
      this.$server.caret(anchor, head, this.version).catch(() => undefined);
    }, CARET_QUIET_MS);
  }

  private loadLocal(): { acked: string; text: string } | null {
    try {
      const raw = window.localStorage.getItem(this.storageKey);
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  }

  private saveLocal() {
    if (!this.storageKey || this.readOnly) return;
    try {
      const text = this.text;
      if (text === this.acked && this.stack.length === 0) {
        window.localStorage.removeItem(this.storageKey);
      } else {
        window.localStorage.setItem(this.storageKey, JSON.stringify({ acked: this.acked, text }));
      }
    } catch {
      // storage full or disabled: the text is still in the page
    }
  }

  private render(forced?: State) {
    if (!this.statusEl) return;
    let state: State;
    if (forced) state = forced;
    else if (this.lastState === 'revoked' || this.lastState === 'broken') state = this.lastState;
    else if (this.readOnly) state = 'readonly';
    else if (!this.online()) state = 'offline';
    else if (this.awaitingSeq >= 0 || this.text !== this.acked || this.stack.length > 0) state = 'sending';
    else state = 'saved';
    this.lastState = state;
    if (state === this.drawnState) return; // unchanged: no DOM write on every keystroke and push
    this.drawnState = state;
    this.setAttribute('state', state);
    this.statusEl.dataset.state = state;
    this.statusEl.textContent = this.labels[state] ?? state;
  }
}

customElements.define('a51-section-editor', SectionEditorElement);
