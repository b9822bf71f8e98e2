/* resgen search: ranks the documents and paragraphs of window.RESGEN_SEARCH_INDEX (written by
   resgen as data/search-index.js) against the words of ?q=. A classic script that requests nothing,
   so that it works from file:// as well as on the web. */
(function () {
  'use strict';
  var index = window.RESGEN_SEARCH_INDEX;
  var input = document.getElementById('q');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!input || !list || !status) return;
  if (!index) {
    status.textContent = 'The search index could not be loaded.';
    return;
  }
  var root = list.getAttribute('data-root') || '';
  var MAX_PARAGRAPHS = 50;

  // Lower case, accents folded, punctuation to spaces; "/", "-" and inner "." are kept so that
  // symbols (E/CN.15/2004/7) and compounds (money-laundering) stay searchable as written.
  function normalize(text) {
    return ' ' + String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9/.\-]+/g, ' ')
      .replace(/\.(?![a-z0-9])/g, ' ')
      .replace(/(^|[\s/])[.\-]+/g, '$1')
      .replace(/\s+/g, ' ') + ' ';
  }
  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

  // A term matches at the start of a word; "/" and "-" also start words, so "59/154" finds
  // "a/res/59/154" and "laundering" finds "money-laundering".
  function matcher(term) {
    var t = escapeRegExp(term);
    return {
      term: term,
      whole: new RegExp('[\\s/\\-]' + t + '(?=[\\s/\\-])', 'g'),
      prefix: new RegExp('[\\s/\\-]' + t, 'g')
    };
  }
  function count(re, text) {
    var m = text.match(re);
    return m ? Math.min(m.length, 3) : 0;
  }
  // Score of one field for one term: whole words count twice what prefixes do.
  function fieldScore(m, text, weight) {
    var whole = count(m.whole, text);
    var prefix = count(m.prefix, text) - whole;
    return weight * (2 * whole + prefix);
  }

  var docs = index.docs.map(function (d) {
    return {
      symbol: normalize(d.s), label: normalize(d.l), title: normalize(d.t),
      tags: normalize(d.g), body: normalize(d.b)
    };
  });
  var paras = index.paras.map(function (p) { return normalize(p.x); });

  function search(query) {
    var terms = normalize(query).trim().split(' ').filter(Boolean);
    if (!terms.length) return null;
    var ms = terms.map(matcher);
    var qn = normalize(query);
    var docHits = [], paraHits = [];
    docs.forEach(function (d, i) {
      var total = 0;
      for (var k = 0; k < ms.length; k++) {
        var m = ms[k];
        var s = fieldScore(m, d.symbol, 20) + fieldScore(m, d.label, 10) + fieldScore(m, d.title, 4) +
          fieldScore(m, d.tags, 6) + fieldScore(m, d.body, 2);
        if (!s) return;
        total += s;
      }
      if (d.symbol === qn || d.label === qn) total += 1000;  // the whole symbol typed
      docHits.push({ doc: i, score: total });
    });
    paras.forEach(function (text, i) {
      var total = 0;
      for (var k = 0; k < ms.length; k++) {
        var s = fieldScore(ms[k], text, 1);
        if (!s) return;
        total += s;
      }
      // Short paragraphs that match are more to the point than long ones.
      paraHits.push({ para: i, score: total / Math.log(8 + text.length / 40) });
    });
    var byScore = function (a, b) { return b.score - a.score || (a.doc - b.doc) || (a.para - b.para); };
    docHits.sort(byScore);
    paraHits.sort(byScore);
    return { terms: terms, docs: docHits, paras: paraHits };
  }

  // The text around the first matching term, with every term marked.
  function snippet(text, terms) {
    var lower = text.toLowerCase();
    var at = -1;
    terms.forEach(function (t) {
      var i = lower.indexOf(t);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    var start = Math.max(0, at - 80), end = Math.min(text.length, Math.max(at, 0) + 180);
    if (start > 0) start = text.indexOf(' ', start) + 1 || start;
    if (end < text.length) { var sp = text.lastIndexOf(' ', end); if (sp > start) end = sp; }
    var piece = (start > 0 ? '… ' : '') + text.slice(start, end) + (end < text.length ? ' …' : '');
    var frag = document.createDocumentFragment();
    var re = new RegExp('(' + terms.map(escapeRegExp).join('|') + ')', 'gi');
    var last = 0, m;
    while ((m = re.exec(piece)) !== null) {
      if (m[0] === '') { re.lastIndex++; continue; }
      frag.appendChild(document.createTextNode(piece.slice(last, m.index)));
      var mark = document.createElement('mark');
      mark.textContent = m[0];
      frag.appendChild(mark);
      last = m.index + m[0].length;
    }
    frag.appendChild(document.createTextNode(piece.slice(last)));
    return frag;
  }

  function item(href, heading, detail, snippetNode) {
    var li = document.createElement('li');
    var p = document.createElement('p');
    p.className = 'result-title';
    var a = document.createElement('a');
    a.href = href;
    a.textContent = heading;
    p.appendChild(a);
    if (detail) {
      var span = document.createElement('span');
      span.className = 'result-detail';
      span.textContent = ' ' + detail;
      p.appendChild(span);
    }
    li.appendChild(p);
    if (snippetNode) {
      var s = document.createElement('p');
      s.className = 'snippet';
      s.appendChild(snippetNode);
      li.appendChild(s);
    }
    return li;
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function show(query) {
    list.textContent = '';
    var r = search(query);
    if (!r) { status.textContent = 'Type words or a symbol, then press Enter.'; return; }
    r.docs.forEach(function (h) {
      var d = index.docs[h.doc];
      var detail = [d.k, d.b, d.y].filter(Boolean).join(', ') + (d.o ? ' · outside the collection' : '');
      var title = d.t && d.t !== d.l ? d.t : '';
      list.appendChild(item(root + d.u, d.l, detail, title ? snippet(title, r.terms) : null));
    });
    r.paras.slice(0, MAX_PARAGRAPHS).forEach(function (h) {
      var p = index.paras[h.para], d = index.docs[p.d];
      list.appendChild(item(root + d.u + '#' + p.a, d.l + ', ' + p.l, '', snippet(p.x, r.terms)));
    });
    var shown = Math.min(r.paras.length, MAX_PARAGRAPHS);
    status.textContent = (r.docs.length || r.paras.length)
      ? plural(r.docs.length, 'document', 'documents') + ' and ' + plural(r.paras.length, 'paragraph', 'paragraphs') +
        ' match “' + query.trim() + '”' + (shown < r.paras.length ? '; the best ' + shown + ' paragraphs are listed.' : '.')
      : 'Nothing matches “' + query.trim() + '”. Every word must appear; try fewer words.';
  }

  var params = new URLSearchParams(window.location.search);
  var initial = params.get('q') || '';
  input.value = initial;
  var header = document.getElementById('site-search');
  if (header) header.value = initial;
  show(initial);

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      show(input.value);
      try {
        var url = new URL(window.location.href);
        url.searchParams.set('q', input.value);
        window.history.replaceState(null, '', url.href);
      } catch (e) { /* some file:// setups refuse; the results are shown all the same */ }
    }, 120);
  });
}());
