// What leaves the page as a file, made on this computer and saved by the browser's download
// (nothing is sent anywhere): the panel as a picture for slides (SVG, or PNG drawn from the
// same layout), and the report's terms and coverage as CSV for a spreadsheet.
//
// The picture is drawn from the report, not copied from the screen: the same coverage bar,
// columns of terms with their three rates, bullets and method line, in the report's words, at
// a fixed width of 1200 px. Text is measured on a canvas, so the SVG and the PNG break lines in
// the same places.

import { formatNumber, formatRate, formatZ } from '../bias-compare/format.js';

const SIDES = ['left', 'center', 'right'];
const COLOURS = { left: '#1f5fbf', center: '#6b5b95', right: '#b8322f', fg: '#1b1d21', muted: '#5c6169', track: '#e8eaee', bg: '#ffffff', border: '#dcdfe4' };
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif';
const WIDTH = 1200;
const MARGIN = 40;
const TERMS_SHOWN = 8;

/** Saves `content` (text or a Blob) as a file called `name`. */
export function download(name, type, content) {
  const blob = content instanceof Blob ? content : new Blob([content], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from a story title: "drone-raid-terms.csv". */
export function fileBase(title) {
  return (title || 'story').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'story';
}

// ------------------------------------------------------------------ CSV

function cell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows) {
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Every listed term of every side, with its numbers as the report gives them. */
export function termsCsv(report) {
  const rows = [['side', 'term', 'display', 'z', 'p', 'count', 'outlets', 'rate_left', 'rate_center', 'rate_right', 'tested', 'used_by']];
  for (const side of SIDES) {
    const framing = report.framing[side];
    for (const term of framing.terms) {
      rows.push([side, term.term, term.display, term.z, term.p, term.count, term.outlets, term.rate.left, term.rate.center, term.rate.right, framing.tested, term.by_outlet.map((o) => `${o.source} (${o.count})`).join('; ')]);
    }
  }
  return csv(rows);
}

/** Coverage by side: articles, outlets and share of rated articles (the unrated have none). */
export function coverageCsv(report) {
  const rows = [['side', 'articles', 'outlets', 'share', 'blindspot']];
  for (const side of SIDES) {
    const c = report.coverage[side];
    rows.push([side, c.articles, c.sources, c.share, report.blindspot?.side === side]);
  }
  rows.push(['unrated', report.coverage.unrated.articles, report.coverage.unrated.sources, '', false]);
  return csv(rows);
}

// ------------------------------------------------------------------ the picture

/** Lines of `text` at most `width` wide in `font`, measured with `context`. */
function wrap(context, text, font, width) {
  context.font = font;
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The panel as drawing steps, top to bottom: { width, height, items }, each item a
 * { rect: x, y, w, h, fill, r } or a { text, x, y, size, weight, fill, anchor }.
 */
export function figure(report, title) {
  const context = document.createElement('canvas').getContext('2d');
  const items = [];
  const font = (size, weight = 400) => `${weight} ${size}px ${FONT}`;
  const text = (value, x, y, size, { weight = 400, fill = COLOURS.fg, anchor = 'start' } = {}) => items.push({ text: String(value), x, y, size, weight, fill, anchor });
  const rect = (x, y, w, h, fill, r = 0) => items.push({ rect: true, x, y, w, h, fill, r });
  const inner = WIDTH - 2 * MARGIN;
  let y = MARGIN;

  for (const line of wrap(context, title || 'Untitled story', font(30, 700), inner)) {
    y += 34;
    text(line, MARGIN, y, 30, { weight: 700 });
  }
  y += 28;
  text(report.notes.coverage, MARGIN, y, 18, { fill: COLOURS.muted });

  // The coverage bar: each rated side's share, with its name and percentage when they fit.
  y += 20;
  const barY = y;
  const barHeight = 48;
  rect(MARGIN, barY, inner, barHeight, COLOURS.track, 8);
  let x = MARGIN;
  for (const side of SIDES) {
    const share = Number(report.coverage[side].share) || 0;
    const w = share * inner;
    if (w <= 0) continue;
    rect(x, barY, w, barHeight, COLOURS[side]);
    const label = `${report.sides[side].name} ${report.sides[side].percent ?? ''}`.trim();
    context.font = font(18, 700);
    if (context.measureText(label).width + 16 <= w) text(label, x + w / 2, barY + 31, 18, { weight: 700, fill: '#ffffff', anchor: 'middle' });
    x += w;
  }
  y = barY + barHeight + 28;
  text(SIDES.map((side) => `${report.sides[side].name}: ${report.sides[side].summary}`).join('   ·   '), MARGIN, y, 16, { fill: COLOURS.muted });
  if (report.blindspot) {
    for (const line of wrap(context, report.blindspot.text, font(16, 700), inner)) {
      y += 24;
      text(line, MARGIN, y, 16, { weight: 700, fill: '#7a4d00' });
    }
  }

  // The three columns of terms, each term's rates on a shared scale.
  y += 40;
  const gap = 28;
  const columnWidth = (inner - 2 * gap) / 3;
  let maxRate = 0;
  for (const side of SIDES) {
    for (const term of report.framing[side].terms.slice(0, TERMS_SHOWN)) for (const s of SIDES) maxRate = Math.max(maxRate, Number(term.rate[s]) || 0);
  }
  const top = y;
  let bottom = y;
  SIDES.forEach((side, i) => {
    const framing = report.framing[side];
    const cx = MARGIN + i * (columnWidth + gap);
    let cy = top;
    rect(cx, cy - 22, columnWidth, 4, COLOURS[side]);
    cy += 6;
    text(report.sides[side].name, cx, cy, 22, { weight: 700, fill: COLOURS[side] });
    const note = framing.status ? [framing.status, framing.note ?? ''] : [];
    if (note.length) {
      cy += 8;
      for (const [j, part] of note.entries()) {
        for (const line of wrap(context, part, font(15, j === 0 ? 700 : 400), columnWidth)) {
          cy += 21;
          text(line, cx, cy, 15, { weight: j === 0 ? 700 : 400, fill: j === 0 ? COLOURS.fg : COLOURS.muted });
        }
      }
    }
    for (const term of framing.terms.slice(0, TERMS_SHOWN)) {
      cy += 34;
      for (const line of wrap(context, term.display, font(19, 700), columnWidth)) {
        text(line, cx, cy, 19, { weight: 700 });
        cy += 24;
      }
      cy -= 24;
      for (const s of SIDES) {
        cy += 12;
        const rate = Number(term.rate[s]) || 0;
        rect(cx, cy - 8, columnWidth - 70, 8, COLOURS.track, 4);
        if (rate > 0 && maxRate > 0) rect(cx, cy - 8, Math.max(3, ((columnWidth - 70) * rate) / maxRate), 8, COLOURS[s], 4);
        text(formatRate(rate), cx + columnWidth, cy, 12, { fill: COLOURS.muted, anchor: 'end' });
      }
      cy += 20;
      text(`z ${formatZ(term.z)} · p ${formatNumber(term.p)} · ${term.uses}`, cx, cy, 14, { fill: COLOURS.muted });
    }
    if (framing.terms.length > TERMS_SHOWN) {
      cy += 24;
      text(`and ${framing.terms.length - TERMS_SHOWN} more`, cx, cy, 14, { fill: COLOURS.muted });
    }
    bottom = Math.max(bottom, cy);
  });

  // The comparison bullets and the method line.
  y = bottom + 48;
  text('How the sides compare', MARGIN, y, 22, { weight: 700 });
  y += 6;
  for (const line of report.comparison) {
    const lines = wrap(context, line.text, font(17), inner - 24);
    y += 12;
    rect(MARGIN, y + 8, 10, 10, COLOURS[line.side] ?? COLOURS.muted, 5);
    for (const part of lines) {
      y += 24;
      text(part, MARGIN + 24, y, 17);
    }
  }
  y += 20;
  for (const part of wrap(context, report.notes.method, font(13), inner)) {
    y += 18;
    text(part, MARGIN, y, 13, { fill: COLOURS.muted });
  }
  return { width: WIDTH, height: Math.ceil(y + MARGIN), items };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The figure as SVG text, built node by node (no markup is parsed). */
export function figureSvg(report, title) {
  const { width, height, items } = figure(report, title);
  const svg = document.createElementNS(SVG_NS, 'svg');
  const attrs = (node, values) => {
    for (const [key, value] of Object.entries(values)) node.setAttribute(key, String(value));
    return node;
  };
  attrs(svg, { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT, role: 'img' });
  const label = document.createElementNS(SVG_NS, 'title');
  label.textContent = `${title || 'Untitled story'}: coverage by leaning and each side's distinctive terms`;
  svg.append(label, attrs(document.createElementNS(SVG_NS, 'rect'), { width, height, fill: COLOURS.bg }));
  for (const item of items) {
    if (item.rect) {
      svg.append(attrs(document.createElementNS(SVG_NS, 'rect'), { x: item.x, y: item.y, width: item.w, height: item.h, rx: item.r, fill: item.fill }));
    } else {
      const node = attrs(document.createElementNS(SVG_NS, 'text'), { x: item.x, y: item.y, 'font-size': item.size, 'font-weight': item.weight, fill: item.fill, 'text-anchor': item.anchor });
      node.textContent = item.text;
      svg.append(node);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/** The figure drawn on a canvas at twice its size; resolves to a PNG Blob. */
export function figurePng(report, title) {
  const { width, height, items } = figure(report, title);
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d');
  context.scale(2, 2);
  context.fillStyle = COLOURS.bg;
  context.fillRect(0, 0, width, height);
  for (const item of items) {
    context.fillStyle = item.fill;
    if (item.rect) {
      context.beginPath();
      context.roundRect(item.x, item.y, item.w, item.h, item.r);
      context.fill();
    } else {
      context.font = `${item.weight} ${item.size}px ${FONT}`;
      context.textAlign = item.anchor === 'middle' ? 'center' : item.anchor === 'end' ? 'right' : 'left';
      context.fillText(item.text, item.x, item.y);
    }
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be drawn'))), 'image/png'));
}
