// The report's page script. Plain browser JavaScript, no build step: it must open from the disk
// (file://), so data arrives as script files calling the globals below, never through fetch().
// Every mark it draws comes with offsets from the stage files (report/view.ts): nothing is found by
// searching the text. Text from documents is only ever set as textContent, never as HTML.
'use strict';

const state = {
  summary: null,
  list: null,
  /** Indices of the rows shown, after search and sort. */
  shown: [],
  page: 0,
  sort: { column: -1, descending: false },
  query: '',
  /** Pages of documents loaded so far: page number -> [DocumentView]. */
  loaded: new Map(),
  waiting: new Map(),
  doc: null,
  view: null,
};
const ROWS_PER_PAGE = 50;
const STAGE_CAPTION = {
  repair: 'repairs: before → after; invisible characters removed',
  blocks: 'line breaks it joined (⏎)',
  language: 'the language of each block, in the margin',
  chrome: 'page chrome it removed, struck through',
  names: 'the people it found',
  dates: 'the dates it found',
};

const $ = (selector) => document.querySelector(selector);
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : String(c));
  return node;
}
const number = (n) => Number(n).toLocaleString('en');

// ---- data arriving from the data/*.js files ----------------------------------------------------
window.newsnormSummary = (summary) => {
  state.summary = summary;
  renderSummary(summary);
};
window.newsnormList = (list) => {
  state.list = list;
  applyListQuery();
  route();
};
/** The list's rows, for tests and the browser console. */
window.newsnormRows = () => state.list?.rows ?? [];
window.newsnormDocuments = (page, documents) => {
  state.loaded.set(page, documents);
  for (const resolve of state.waiting.get(page) ?? []) resolve(documents);
  state.waiting.delete(page);
};

/** The page of documents holding document `index`, loaded once with a script tag. */
function loadDocument(index) {
  const page = Math.floor(index / state.list.pageSize);
  const ready = state.loaded.get(page);
  if (ready) return Promise.resolve(ready[index - page * state.list.pageSize]);
  return new Promise((resolve, reject) => {
    const waiting = state.waiting.get(page);
    const done = (docs) => resolve(docs[index - page * state.list.pageSize]);
    if (waiting) return waiting.push(done);
    state.waiting.set(page, [done]);
    const script = el('script', { src: `data/docs-${String(page).padStart(5, '0')}.js` });
    script.onerror = () => reject(new Error(`cannot load data/docs-${page}.js`));
    document.body.append(script);
  });
}

// ---- run summary ---------------------------------------------------------------------------------
function card(label, value, key) {
  return el('div', { class: 'card' }, el('div', { class: 'value', 'data-figure': key }, number(value)), el('div', { class: 'muted' }, label));
}

function renderSummary(s) {
  $('#run-inputs').textContent = `${s.inputs.join(', ')} · stages: ${s.stages.join(' → ')}`;
  const removedChars = Object.values(s.removed.characters).reduce((a, b) => a + b, 0);
  $('#cards').append(
    card('documents', s.documents, 'documents'),
    card('failed', s.failed, 'failed'),
    card('characters removed', removedChars, 'removed-characters'),
    card('people found', s.people.entries, 'people'),
    card('dates found', s.dates.count, 'dates'),
    card('seconds', Math.round(s.totalMs / 100) / 10, 'seconds'),
  );
  drawCharts(s);
  renderTables(s);
}

/** `{key: n}` as [key, n] pairs, largest first (ties by key), at most `limit`. */
function ranked(counts, limit = 1e9) {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}

const STAGE_COLOUR = { repair: '#b35c00', blocks: '#6b6b6b', language: '#2a7ab0', chrome: '#c0392b', names: '#7b3fa0', dates: '#1e8449' };

function barChart(canvas, pairs, label, colours) {
  if (typeof Chart === 'undefined') return;
  new Chart(canvas, {
    type: 'bar',
    data: { labels: pairs.map((p) => p[0]), datasets: [{ label, data: pairs.map((p) => p[1]), backgroundColor: colours ?? '#2a7ab0' }] },
    options: { indexAxis: 'y', animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } } },
  });
}

function drawCharts(s) {
  const removed = ranked(s.removed.characters, 25);
  barChart($('#chart-removed'), removed, 'characters', removed.map((p) => STAGE_COLOUR[p[0].split('/')[0]] ?? '#999'));
  barChart($('#chart-languages'), ranked(s.documentLanguages, 25), 'documents');
  const repaired = ranked(s.repaired.count, 25);
  barChart($('#chart-repaired'), repaired, 'repairs', repaired.map((p) => STAGE_COLOUR[p[0].split('/')[0]] ?? '#999'));
  // To the millisecond: rounded to tenths of a second, the stages of a small run all drew as one bar.
  const time = s.stages.map((name) => [name, Math.round(s.stageMs[name] ?? 0) / 1000]);
  barChart($('#chart-time'), time, 'seconds', time.map((p) => STAGE_COLOUR[p[0]] ?? '#999'));
}

function table(title, id, head, rows) {
  const body = el('tbody');
  for (const r of rows) body.append(el('tr', { 'data-key': r[0] }, ...r.map((c, i) => el('td', { class: i > 0 && typeof c === 'number' ? 'num' : null }, typeof c === 'number' ? number(c) : c))));
  return el('section', { id }, el('h3', {}, title), el('table', {}, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))), body));
}

function renderTables(s) {
  const removed = ranked(s.removed.characters).map(([k, chars]) => [k, s.removed.count[k] ?? 0, chars]);
  const repaired = ranked(s.repaired.count).map(([k, n]) => [k, n, s.repaired.characters[k] ?? 0]);
  const blocks = ranked(s.blockLanguages);
  const docs = ranked(s.documentLanguages);
  const failures = ranked(s.failures);
  const messages = s.failureMessages.slice(0, 200).map((m) => [m.id, m.stage, m.message]);
  const people = s.people.top.map(([name, n]) => [name, n]);
  const dates = ranked(s.dates.byType);
  $('#tables').append(
    table('Removed, by stage and reason', 'table-removed', ['stage/reason', 'pieces', 'characters'], removed),
    table('Repaired, by stage and reason', 'table-repaired', ['stage/reason', 'repairs', 'characters'], repaired),
    table('Documents by language', 'table-doc-languages', ['language', 'documents'], docs),
    table('Blocks by language', 'table-block-languages', ['language', 'blocks'], blocks),
    table(`Failures (${number(s.failed)})`, 'table-failures', ['stage', 'documents'], failures),
    table('Failure messages', 'table-failure-messages', ['id', 'stage', 'message'], messages),
    table(`People: ${number(s.people.entries)} in ${number(s.people.documents)} documents, ${number(s.people.mentions)} mentions`, 'table-people', ['most frequent', 'documents'], people),
    table(`Dates: ${number(s.dates.count)}; published known for ${number(s.dates.published)} documents`, 'table-dates', ['type', 'dates'], dates),
    table('Time per stage', 'table-time', ['stage', 'ms'], s.stages.map((n) => [n, Math.round(s.stageMs[n] ?? 0)])),
  );
}

// ---- document list -------------------------------------------------------------------------------
function applyListQuery() {
  const rows = state.list.rows;
  const q = state.query.trim().toLowerCase();
  let shown = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (q === '' || r[0].toLowerCase().includes(q) || r[6].toLowerCase().includes(q) || r[1] === q) shown.push(i);
  }
  const { column, descending } = state.sort;
  if (column >= 0) {
    const sign = descending ? -1 : 1;
    shown.sort((a, b) => {
      const x = rows[a][column];
      const y = rows[b][column];
      return (x < y ? -1 : x > y ? 1 : a - b) * sign;
    });
  }
  state.shown = shown;
  state.page = 0;
  renderList();
}

function renderList() {
  const rows = state.list.rows;
  const pages = Math.max(1, Math.ceil(state.shown.length / ROWS_PER_PAGE));
  state.page = Math.min(state.page, pages - 1);
  const body = el('tbody');
  for (const i of state.shown.slice(state.page * ROWS_PER_PAGE, (state.page + 1) * ROWS_PER_PAGE)) {
    const r = rows[i];
    body.append(
      el('tr', { 'data-index': i },
        el('td', {}, el('a', { href: `#doc=${i}` }, r[0])), el('td', {}, r[1]), el('td', { class: 'num' }, number(r[2])),
        el('td', { class: 'num' }, number(r[3])), el('td', { class: 'num' }, number(r[4])), el('td', { class: r[5] ? 'failed' : null }, r[5]),
        el('td', { title: r[6] }, r[6])),
    );
  }
  $('#documents tbody').replaceWith(body);
  $('#list-count').textContent = `${number(state.shown.length)} of ${number(rows.length)} documents`;
  const previous = el('button', { type: 'button', id: 'page-previous' }, '◀ previous');
  const next = el('button', { type: 'button', id: 'page-next' }, 'next ▶');
  previous.disabled = state.page === 0;
  next.disabled = state.page >= pages - 1;
  previous.onclick = () => { state.page--; renderList(); };
  next.onclick = () => { state.page++; renderList(); };
  $('#pager').replaceChildren(previous, el('span', { id: 'page-label' }, `page ${state.page + 1} of ${number(pages)}`), next);
  for (const th of document.querySelectorAll('#documents th')) {
    th.classList.toggle('asc', Number(th.dataset.sort) === state.sort.column && !state.sort.descending);
    th.classList.toggle('desc', Number(th.dataset.sort) === state.sort.column && state.sort.descending);
  }
}

function setUpList() {
  let timer = 0;
  $('#search').addEventListener('input', (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.query = e.target.value; applyListQuery(); }, 120);
  });
  for (const th of document.querySelectorAll('#documents th')) {
    th.addEventListener('click', () => {
      const column = Number(th.dataset.sort);
      state.sort = { column, descending: state.sort.column === column ? !state.sort.descending : column >= 2 && column <= 4 };
      applyListQuery();
    });
  }
}

// ---- one document --------------------------------------------------------------------------------
/** The views of a document: one per stage (the text it received, its work marked), then the result. */
function viewsOf(doc) {
  if (doc.views) return doc.views;
  const views = [];
  let text = '';
  let langs = null;
  for (const s of doc.stages) {
    if (s.input !== undefined || s.inputLines !== undefined) langs = null;
    if (s.input !== undefined) text = s.input;
    else if (s.inputLines !== undefined) text = fromLines(text, s.inputLines);
    // The language stage's blocks hold for the stages after it until one changes the text.
    if (s.langs) langs = s.langs;
    views.push({ name: s.name, text, stage: s, langs });
  }
  const finalText = doc.final.text ?? (doc.final.textLines ? fromLines(text, doc.final.textLines) : text);
  views.push({ name: 'final', text: finalText, stage: null });
  doc.views = views;
  return views;
}

/** A text written as lines of the text before it (report/view.ts, `linesFrom`). */
function fromLines(previous, lines) {
  const before = previous.split('\n');
  return lines.map((line) => (typeof line === 'number' ? before[line] : line)).join('\n');
}

function metaRow(list, label, value, key) {
  if (value === null || value === undefined || value === '') return;
  list.append(el('dt', {}, label), el('dd', { 'data-meta': key }, value));
}

async function showDocument(index, viewName) {
  $('#run-view').hidden = true;
  $('#document-view').hidden = false;
  const doc = await loadDocument(index);
  state.doc = doc;
  $('#doc-id').textContent = doc.id;
  const meta = el('dl', { id: 'doc-meta', class: 'meta' });
  metaRow(meta, 'language', doc.lang, 'lang');
  metaRow(meta, 'title (taken out of the text)', doc.title, 'title');
  metaRow(meta, 'dateline (read from the text)', doc.dateline, 'dateline');
  metaRow(meta, 'publisher (read from the text)', doc.publisher, 'publisher');
  metaRow(meta, 'published', doc.published && `${doc.published}${doc.publishedFrom ? ` (from ${doc.publishedFrom})` : ''}`, 'published');
  metaRow(meta, 'url', doc.url, 'url');
  metaRow(meta, 'failed', doc.error && `${doc.error.stage}: ${doc.error.message}`, 'error');
  $('#doc-meta').replaceWith(meta);
  const views = viewsOf(doc);
  const buttons = views.map((v) => {
    const b = el('button', { type: 'button', role: 'tab', 'data-view': v.name, class: v.stage ? `st-${v.name}` : null }, v.name);
    b.onclick = () => selectView(v.name);
    return b;
  });
  $('#stage-switch').replaceChildren(...buttons);
  const legend = doc.stages.map((s) => el('span', { class: `st-${s.name}` }, s.name));
  $('#legend').replaceChildren(...legend);
  selectView(viewName && views.some((v) => v.name === viewName) ? viewName : 'final');
}

function selectView(name) {
  const views = viewsOf(state.doc);
  const view = views.find((v) => v.name === name) ?? views.at(-1);
  state.view = view.name;
  for (const b of document.querySelectorAll('#stage-switch button')) b.setAttribute('aria-selected', String(b.dataset.view === view.name));
  const hash = `#doc=${state.doc.index}&view=${view.name}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
  $('#view-caption').textContent = view.stage
    ? `The text as ${view.name} received it, with its work marked: ${STAGE_CAPTION[view.name] ?? 'its decisions'}.${view.stage.error ? ` It failed: ${view.stage.error}` : ''}${view.stage.skipped ? ` Skipped: ${view.stage.skipped}` : ''}`
    : 'The record\'s text: block languages in the margin (foreign blocks flagged), people and dates highlighted.';
  renderText(view, views);
  renderUnplaced(view);
}

function stepView(delta) {
  const views = viewsOf(state.doc);
  const at = views.findIndex((v) => v.name === state.view);
  const next = views[Math.min(views.length - 1, Math.max(0, at + delta))];
  selectView(next.name);
}

function renderUnplaced(view) {
  const box = $('#doc-unplaced');
  box.replaceChildren();
  const items = view.stage ? view.stage.unplaced : [];
  if (items.length === 0) return;
  const list = el('ul');
  for (const [action, rule, text, to] of items) list.append(el('li', { 'data-rule': rule }, `${action} · ${rule}: ${text}${to !== null ? ` → ${to}` : ''}`));
  box.append(el('h3', {}, 'Decisions on the whole document'), list);
}

/** What is highlighted in a view: the stage's marks, and people and dates where the text is the record's. */
function itemsOf(view, finalText) {
  const items = [];
  if (view.stage) {
    for (const [start, end, action, stage, rule, text, to] of view.stage.marks) items.push({ start, end, kind: action, stage, rule, text, to });
  }
  if (view.text === finalText && (view.name === 'names' || view.name === 'dates' || view.name === 'final')) {
    for (const [start, end, name] of state.doc.final.people) items.push({ start, end, kind: 'person', name });
    for (const [start, end, value, type] of state.doc.final.dates) items.push({ start, end, kind: 'date', value, type });
  }
  const order = { remove: 0, repair: 1, note: 2, person: 3, date: 4 };
  return items.sort((a, b) => a.start - b.start || b.end - a.end || order[a.kind] - order[b.kind]);
}

/** The language of each block of the view, by its start offset. */
function languagesOf(view, finalText) {
  const langs = view.langs ?? (view.text === finalText ? state.doc.final.langs : []);
  return new Map(langs.map(([start, , lang]) => [start, lang]));
}

function renderText(view, views) {
  const finalText = views.at(-1).text;
  const items = itemsOf(view, finalText);
  const langs = languagesOf(view, finalText);
  const container = el('div', { id: 'doc-text', class: 'doc-text', 'data-view': view.name });
  const text = view.text;
  let start = 0;
  let next = 0;
  while (start <= text.length) {
    const cut = text.indexOf('\n\n', start);
    const end = cut === -1 ? text.length : cut;
    // A mark that runs over the blank line between blocks is drawn in each block it touches.
    const inside = [];
    while (next < items.length && items[next].end <= start) next++;
    for (let i = next; i < items.length && items[i].start < end; i++) if (items[i].end > start) inside.push(items[i]);
    container.append(blockElement(text, start, end, inside, langs.get(start)));
    if (cut === -1) break;
    start = cut + 2;
  }
  $('#doc-text').replaceWith(container);
}

function blockElement(text, start, end, items, lang) {
  const foreign = lang !== undefined && lang !== 'und' && lang !== state.doc.lang;
  const margin = el('span', { class: `lang${foreign ? ' foreign' : ''}`, title: foreign ? `${lang}: not the document's language (${state.doc.lang})` : lang }, lang ?? '');
  const body = el('div', { class: 'body' });
  renderRange(body, text, start, end, items.map((it) => ({ ...it, start: Math.max(it.start, start), end: Math.min(it.end, end) })));
  return el('div', { class: `blk${foreign ? ' foreign' : ''}`, 'data-lang': lang ?? null }, margin, body);
}

/** Draws text[from, to) with its items nested (sorted by start, longer first); a crossing item is cut at its parent's end. */
function renderRange(parent, text, from, to, items) {
  let cursor = from;
  let i = 0;
  while (i < items.length) {
    const item = items[i];
    if (item.start < cursor) { i++; continue; }
    if (item.start > cursor) parent.append(text.slice(cursor, item.start));
    const children = [];
    let j = i + 1;
    for (; j < items.length && items[j].start < item.end; j++) children.push({ ...items[j], end: Math.min(items[j].end, item.end) });
    parent.append(itemElement(text, item, children));
    cursor = Math.max(cursor, item.end);
    i = j;
  }
  if (cursor < to) parent.append(text.slice(cursor, to));
}

function itemElement(text, item, children) {
  const stageClass = item.stage ? `st-${item.stage}` : null;
  if (item.kind === 'repair') {
    return el('span', { class: `fix ${stageClass}`, 'data-stage': item.stage, 'data-rule': item.rule, title: `${item.stage} · ${item.rule}: ${item.text} → ${item.to}` },
      el('del', {}, text.slice(item.start, item.end)), el('ins', {}, item.to ?? ''));
  }
  let node;
  if (item.kind === 'remove') node = el('del', { class: `rm ${stageClass}`, 'data-stage': item.stage, 'data-rule': item.rule, title: `${item.stage} · ${item.rule}` });
  else if (item.kind === 'note') node = el('span', { class: `note ${stageClass}`, 'data-stage': item.stage, 'data-rule': item.rule, title: `${item.stage} · ${item.rule}${item.to !== null ? ` → "${item.to}"` : ''}` });
  else if (item.kind === 'person') node = el('mark', { class: 'person', 'data-name': item.name, title: item.name });
  else node = el('mark', { class: 'date', 'data-value': item.value, title: `${item.type} ${item.value}` });
  if (item.kind === 'note' && /^\s*$/.test(text.slice(item.start, item.end))) {
    node.append('⏎ ');
    return node;
  }
  renderRange(node, text, item.start, item.end, children);
  return node;
}

// ---- routing -------------------------------------------------------------------------------------
function route() {
  if (!state.list) return;
  const m = /^#doc=(\d+)(?:&view=([a-z]+))?$/.exec(location.hash);
  if (m && Number(m[1]) < state.list.rows.length) {
    if (state.doc && state.doc.index === Number(m[1]) && !$('#document-view').hidden) return;
    showDocument(Number(m[1]), m[2]).catch((e) => { $('#doc-text').textContent = e.message; });
    return;
  }
  state.doc = null;
  $('#document-view').hidden = true;
  $('#run-view').hidden = false;
}

window.addEventListener('hashchange', route);
document.addEventListener('keydown', (e) => {
  if ($('#document-view').hidden || e.target instanceof HTMLInputElement) return;
  if (e.key === 'ArrowLeft') stepView(-1);
  if (e.key === 'ArrowRight') stepView(1);
});
document.addEventListener('DOMContentLoaded', () => {
  $('#view-previous').onclick = () => stepView(-1);
  $('#view-next').onclick = () => stepView(1);
});
setUpList();
