// A self-contained HTML page: the network as SVG and an interactive timeline of the events.
// All data goes in as JSON inside a script element of type application/json (every "<"
// escaped), and the page's script builds the timeline with textContent only: a name or
// sentence holding markup shows as text and never runs.
#include <algorithm>
#include <cctype>
#include <string>

#include "dyad/export.h"
#include "export/escape.h"

namespace dyad {
namespace {

constexpr std::string_view kStyle = R"css(
:root { --q1: #c8e6c9; --q2: #81c784; --q3: #ffcc80; --q4: #ef9a9a; }
body { font: 14px/1.4 system-ui, sans-serif; margin: 0 1.5rem 2rem; color: #212121; }
h1 { font-size: 1.4rem; margin: 1rem 0 0.2rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 0.5rem; }
#summary, .note, #range { color: #616161; }
#network { overflow: auto; max-height: 70vh; border: 1px solid #e0e0e0; padding: 0.5rem; }
#network svg { max-width: 100%; height: auto; }
#toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; }
#filters button, #zoom button { margin: 0 0.2rem 0.2rem 0; padding: 0.15rem 0.5rem;
  border: 1px solid #9e9e9e; border-radius: 3px; background: #fafafa; cursor: pointer; }
#filters button[aria-pressed="false"] { opacity: 0.45; text-decoration: line-through; }
#timeline { position: relative; margin-top: 0.5rem; border-top: 1px solid #bdbdbd; }
#axis { position: relative; height: 1.6rem; margin-left: 12rem; }
#axis span { position: absolute; top: 0.2rem; font-size: 11px; color: #757575;
  transform: translateX(-50%); white-space: nowrap; }
.lane { display: flex; border-bottom: 1px solid #eeeeee; }
.lane-label { width: 12rem; flex: none; padding: 0.2rem 0.5rem 0.2rem 0; font-weight: 600;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.track { position: relative; flex: auto; min-height: 1.6rem; }
.event { position: absolute; height: 1.3rem; padding: 0 0.3rem; font-size: 12px;
  border: 1px solid #757575; border-radius: 3px; cursor: pointer; white-space: nowrap;
  transform: translateX(-50%); }
.event.q1 { background: var(--q1); } .event.q2 { background: var(--q2); }
.event.q3 { background: var(--q3); } .event.q4 { background: var(--q4); }
.event.selected { outline: 2px solid #1565c0; }
#details { margin-top: 1rem; padding: 0.5rem 1rem; border-left: 4px solid #1565c0;
  background: #f5f9ff; }
#details blockquote { margin: 0.5rem 0; padding-left: 0.7rem; border-left: 2px solid #9e9e9e; }
)css";

constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dyad-data').textContent);
  var DAY = 86400000, LABEL = 76, ROW = 24;
  var items = data.items;
  function dayOf(date) {
    if (!date) return null;
    var p = date.split('-');
    return Date.UTC(+p[0], p.length > 1 ? +p[1] - 1 : 0, p.length > 2 ? +p[2] : 1) / DAY;
  }
  function iso(day) { return new Date(Math.round(day) * DAY).toISOString().slice(0, 10); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  var dated = items.filter(function (i) { return i.start; });
  var undated = items.filter(function (i) { return !i.start; });
  var days = dated.map(function (i) { return dayOf(i.start); });
  var first = days.length ? Math.min.apply(null, days) : 0;
  var last = days.length ? Math.max.apply(null, days) : 1;
  var pad = Math.max(1, (last - first) * 0.04);  // room for the labels at either end
  var all = { from: first - pad, to: last + pad };
  var view = { from: all.from, to: all.to };
  document.getElementById('summary').textContent = data.nodes.length + ' actors, ' +
      data.links.length + ' dyads, ' + items.length + ' events' +
      (data.events_total > items.length ? ' (the latest of ' + data.events_total + ')' : '') +
      (days.length ? ' from ' + iso(first) + ' to ' + iso(last) : '');

  // One toggle per action: pressed, its events are shown.
  var shown = {}, counts = {};
  items.forEach(function (i) { counts[i.action] = (counts[i.action] || 0) + 1; });
  var filters = document.getElementById('filters');
  Object.keys(counts).sort().forEach(function (action) {
    shown[action] = true;
    var b = el('button', 'filter', action + ' (' + counts[action] + ')');
    b.type = 'button';
    b.setAttribute('aria-pressed', 'true');
    b.dataset.action = action;
    b.addEventListener('click', function () {
      shown[action] = !shown[action];
      b.setAttribute('aria-pressed', String(shown[action]));
      render();
    });
    filters.appendChild(b);
  });

  // One lane per acting actor; an event is a button placed by its date.
  var details = document.getElementById('details');
  var selected = null;
  function show(item, button) {
    if (selected) selected.classList.remove('selected');
    selected = button;
    button.classList.add('selected');
    details.replaceChildren();
    details.appendChild(el('h3', '', item.content));
    details.appendChild(el('p', '', (item.start || 'date unknown') + ' (' +
        (item.date_precision || 'no date') + ') - CAMEO ' + item.cameo + ', QuadClass ' +
        item.quad_class + ', Goldstein ' + item.goldstein + ' - ' + item.mentions +
        ' mentions in ' + item.articles + ' articles'));
    item.reports.forEach(function (r) {
      details.appendChild(el('blockquote', '', r.sentence));
      var p = el('p', 'report');
      if (/^https?:\/\//i.test(r.url)) {
        var a = el('a', '', r.title || r.url);
        a.href = r.url;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        p.appendChild(a);
      } else {
        p.appendChild(el('span', '', r.title || r.article_id));
      }
      var about = [r.source, r.date, r.title ? r.article_id : ''].filter(Boolean).join(', ');
      if (about) p.appendChild(el('span', '', ' - ' + about));
      details.appendChild(p);
    });
    details.hidden = false;
  }
  var lanes = document.getElementById('lanes');
  var tracks = {};
  data.groups.forEach(function (g) {
    var lane = el('div', 'lane');
    var label = el('div', 'lane-label', g.content);
    label.title = g.id;
    var track = el('div', 'track');
    lane.appendChild(label);
    lane.appendChild(track);
    lanes.appendChild(lane);
    tracks[g.id] = track;
  });
  var buttons = dated.map(function (item) {
    var b = el('button', 'event q' + item.quad_class, item.action);
    b.type = 'button';
    b.title = item.content + ' (' + item.start + ')';
    b.dataset.id = String(item.id);
    b.addEventListener('click', function () { show(item, b); });
    tracks[item.group].appendChild(b);
    return { item: item, day: dayOf(item.start), button: b };
  });
  var undatedList = document.getElementById('undated');
  undated.forEach(function (item) {
    var b = el('button', 'event-undated', item.content);
    b.type = 'button';
    b.addEventListener('click', function () { show(item, b); });
    undatedList.appendChild(b);
  });
  if (!undated.length) undatedList.hidden = true;

  function render() {
    var span = view.to - view.from;
    document.getElementById('range').textContent = iso(view.from) + ' to ' + iso(view.to);
    var width = Math.max(1, lanes.getBoundingClientRect().width - 192);
    var rows = {};
    buttons.forEach(function (b) {
      var visible = shown[b.item.action] && b.day >= view.from && b.day <= view.to;
      b.button.hidden = !visible;
      if (!visible) return;
      var x = (b.day - view.from) / span;
      b.button.style.left = (x * 100) + '%';
      // Stack events that would overlap: the first row whose last event is far enough left.
      var lane = rows[b.item.group] || (rows[b.item.group] = []);
      var row = 0;
      while (row < lane.length && (x - lane[row]) * width < LABEL) row++;
      lane[row] = x;
      b.button.style.top = (row * ROW + 2) + 'px';
    });
    Object.keys(tracks).forEach(function (g) {
      tracks[g].style.height = ((rows[g] ? rows[g].length : 1) * ROW + 4) + 'px';
    });
    var axis = document.getElementById('axis');
    axis.replaceChildren();
    for (var k = 0; k <= 5; k++) {
      var tick = el('span', '', iso(view.from + span * k / 5));
      tick.style.left = (k * 20) + '%';
      axis.appendChild(tick);
    }
    filters.dataset.visible = String(buttons.filter(function (b) { return !b.button.hidden; }).length);
  }
  function zoom(factor) {
    var middle = (view.from + view.to) / 2;
    var half = Math.max(1, (view.to - view.from) * factor / 2);
    view = { from: middle - half, to: middle + half };
    if (view.from < all.from && view.to > all.to) view = { from: all.from, to: all.to };
    render();
  }
  document.getElementById('zoom-in').addEventListener('click', function () { zoom(0.5); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(2); });
  document.getElementById('zoom-all').addEventListener('click', function () {
    view = { from: all.from, to: all.to };
    render();
  });
  window.addEventListener('resize', render);
  render();
})();
)js";

// The SVG dot wrote, ready to sit inside the page: from its <svg> element on, without
// comments. Graphviz escapes the names it writes; should markup that could run appear anyway,
// the picture is left out.
std::string InlineSvg(std::string_view svg) {
  const size_t start = svg.find("<svg");
  if (start == std::string_view::npos) return "";
  std::string out;
  for (size_t i = start; i < svg.size();) {
    const size_t open = svg.find("<!--", i);
    if (open == std::string_view::npos) {
      out.append(svg.substr(i));
      break;
    }
    out.append(svg.substr(i, open - i));
    const size_t close = svg.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    i = close + 3;
  }
  std::string lower = out;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* risky : {"<script", "javascript:", "onload", "onerror", "onclick", "<foreign"}) {
    if (lower.find(risky) != std::string::npos) return "";
  }
  return out;
}

}  // namespace

std::string ExportHtml(const ExportGraph& g, std::string_view svg) {
  std::string json = ExportJson(g);
  // Inside <script>, "</script" or "<!--" would end or confuse the element: no "<" at all.
  std::string data;
  data.reserve(json.size());
  for (char c : json) {
    if (c == '<') {
      data += "\\u003c";
    } else {
      data += c;
    }
  }
  const std::string title = exports::HtmlEscaped(g.title.empty() ? "dyad" : g.title);
  const std::string picture = InlineSvg(svg);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"dyad\">\n";
  out += "<title>" + title + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n";
  out += "<body>\n<header><h1>" + title + "</h1><p id=\"summary\"></p></header>\n<main>\n";
  out += "<section aria-labelledby=\"network-heading\"><h2 id=\"network-heading\">Network</h2>\n";
  out += "<div id=\"network\">";
  out += picture.empty() ? "<p class=\"note\">No picture: Graphviz's dot was not available to "
                           "draw the network.</p>"
                         : picture;
  out += "</div>\n</section>\n";
  out +=
      "<section aria-labelledby=\"timeline-heading\"><h2 id=\"timeline-heading\">Timeline</h2>\n";
  out += "<div id=\"toolbar\"><div id=\"filters\" role=\"group\" aria-label=\"Actions\"></div>";
  out +=
      "<div id=\"zoom\"><button id=\"zoom-in\" type=\"button\">Zoom in</button>"
      "<button id=\"zoom-out\" type=\"button\">Zoom out</button>"
      "<button id=\"zoom-all\" type=\"button\">All</button> <span id=\"range\"></span></div>"
      "</div>\n";
  out += "<div id=\"timeline\"><div id=\"axis\"></div><div id=\"lanes\"></div></div>\n";
  out += "<p id=\"undated\"><span class=\"note\">Date unknown: </span></p>\n";
  out += "<aside id=\"details\" hidden></aside>\n</section>\n</main>\n";
  out += "<script type=\"application/json\" id=\"dyad-data\">" + data + "</script>\n";
  out += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace dyad
