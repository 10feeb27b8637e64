// A story page loads what it leaves out when the reader asks for it: a matrix cell's
// sentences, the next facts, a quote's versions. Without this script every one of
// them is a link to a page of its own.
(function () {
  "use strict";

  function fetchPart(url) {
    var sep = url.indexOf("?") < 0 ? "?" : "&";
    return fetch(url + sep + "fragment=1", { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.text().then(function (html) { return { html: html, response: r }; });
    });
  }

  function nodes(html) {
    var t = document.createElement("template");
    t.innerHTML = html;  // our own server's escaped HTML
    return t.content;
  }

  function failed(where) {
    return function () {
      var p = document.createElement("p");
      p.className = "caveat";
      p.textContent = "Could not load this part; follow the link instead.";
      where.appendChild(p);
    };
  }

  function toggleCell(cell, link) {
    var open = cell.querySelector(".cell-evidence");
    if (open) {
      open.remove();
      cell.classList.remove("open");
      return;
    }
    cell.classList.add("open");
    fetchPart(link.getAttribute("href")).then(function (part) {
      cell.appendChild(nodes(part.html));
    }, failed(cell));
  }

  function moreFacts(link) {
    var tbody = link.closest("section").querySelector("table.coverage tbody");
    fetchPart(link.dataset.rows).then(function (part) {
      tbody.appendChild(nodes(part.html));
      var next = part.response.headers.get("x-next-page");
      if (next) {
        link.dataset.rows = link.dataset.rows.replace(/page=\d+/, "page=" + next);
        link.href = link.href.replace(/facts=\d+/, "facts=" + next);
      } else {
        link.remove();
      }
    }, failed(link.parentNode));
  }

  document.addEventListener("click", function (e) {
    var link = e.target.closest("td.cell > a, a.more-facts");
    if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
    e.preventDefault();
    if (link.classList.contains("more-facts")) {
      moreFacts(link);
    } else {
      toggleCell(link.parentNode, link);
    }
  });

  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (!d.open || !d.dataset || !d.dataset.src || d.dataset.loaded) { return; }
    d.dataset.loaded = "1";
    var slot = d.querySelector(".slot");
    fetchPart(d.dataset.src).then(function (part) {
      slot.replaceWith(nodes(part.html));
    }, failed(d));
  }, true);
})();
