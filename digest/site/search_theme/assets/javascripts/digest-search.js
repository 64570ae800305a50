// The header search box on Pagefind's chunked index (see digest/search_plugin.py), rendered
// in Material's search-result markup. Pagefind loads only the index chunks a query needs, so
// the first result does not wait for an index of the whole archive.

// This file is assets/javascripts/digest-search.js: the site's root is two folders up, which
// holds under a sub-path (site_url /silicon-digest/) and under `mkdocs serve` alike.
const ROOT = new URL("../../", import.meta.url);
const PAGEFIND = new URL("pagefind/pagefind.js", ROOT).href;
const MAX_RESULTS = 10; // results rendered per query, as many as fit the overlay
const DEBOUNCE_MS = 100; // typing pause before searching; chunks are preloaded meanwhile
const HOTKEYS = new Set(["/", "s", "f"]); // open search from anywhere, as Material does

const box = document.querySelector("[data-digest-search]");
const toggle = document.getElementById("__search");

function translations() {
  try {
    return JSON.parse(document.getElementById("__config").textContent).translations || {};
  } catch {
    return {};
  }
}

const TEXT = {
  placeholder: "Type to start searching",
  none: "No matching documents",
  one: "1 matching document",
  other: "# matching documents",
};
const T = translations();
const say = {
  placeholder: T["search.result.placeholder"] || TEXT.placeholder,
  none: T["search.result.none"] || TEXT.none,
  one: T["search.result.one"] || TEXT.one,
  other: T["search.result.other"] || TEXT.other,
};

let engine = null; // the promise of the initialised Pagefind module
function pagefind() {
  if (engine === null) {
    engine = import(PAGEFIND).then(async (module) => {
      await module.options({ baseUrl: ROOT.pathname });
      await module.init();
      // The index comes in shards (one per year of entries, see digest/search_plugin.py):
      // the primary is this bundle, the others are merged into it.
      const shards = await fetch(new URL("pagefind/shards.json", ROOT))
        .then((response) => (response.ok ? response.json() : []))
        .catch(() => []);
      await Promise.all(
        shards.map((shard) =>
          module.mergeIndex(new URL(`pagefind/${shard}`, ROOT).pathname, {
            baseUrl: ROOT.pathname,
          }),
        ),
      );
      return module;
    });
    engine.catch(() => {
      engine = null; // try again on the next keystroke
    });
  }
  return engine;
}

// Pagefind's excerpt is HTML with <mark> around the matched words. Keep the text and the
// <mark> elements, nothing else: no other element or attribute reaches the page.
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(html, "text/html"); // inert: nothing runs
  const out = document.createDocumentFragment();
  const copy = (from, to) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(document.createTextNode(node.data));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.localName === "mark") {
          const mark = document.createElement("mark");
          copy(node, mark);
          to.append(mark);
        } else if (!["script", "style", "template"].includes(node.localName)) {
          copy(node, to);
        }
      }
    }
  };
  copy(parsed.body, out);
  return out;
}

// The query's words marked in a title, as text nodes and <mark> elements (no HTML parsing).
function titleNodes(title, query) {
  const words = query.split(/\s+/).filter((word) => word.length > 1);
  const out = document.createDocumentFragment();
  if (!words.length) {
    out.append(title);
    return out;
  }
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const parts = title.split(new RegExp(`(${escaped.join("|")})`, "i"));
  parts.forEach((part, index) => {
    if (index % 2 === 0) {
      out.append(part);
    } else {
      const mark = document.createElement("mark");
      mark.textContent = part;
      out.append(mark);
    }
  });
  return out;
}

function resultItem(data, query) {
  const item = document.createElement("li");
  item.className = "md-search-result__item";
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = data.url;
  link.tabIndex = -1;
  const article = document.createElement("article");
  article.className = "md-search-result__article md-search-result__article--document md-typeset";
  const icon = document.createElement("div");
  icon.className = "md-search-result__icon md-icon";
  const title = document.createElement("h1");
  title.append(titleNodes((data.meta && data.meta.title) || data.url, query));
  const excerpt = document.createElement("p");
  excerpt.append(excerptNodes(data.excerpt || ""));
  article.append(icon, title, excerpt);
  link.append(article);
  item.append(link);
  return item;
}

function countText(count) {
  if (count === 0) return say.none;
  if (count === 1) return say.one;
  return say.other.replace("#", count.toLocaleString());
}

if (box && toggle) {
  const form = box.querySelector("[data-digest-search-form]");
  const input = box.querySelector(".md-search__input");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  let latest = 0; // the number of the newest query: older answers are dropped
  let timer = 0;

  const show = (text, items = []) => {
    meta.textContent = text;
    list.replaceChildren(...items);
  };

  async function run(query, ticket) {
    try {
      const module = await pagefind();
      const search = await module.search(query);
      if (ticket !== latest || search === null) return;
      const hits = search.results;
      // Each result's text is a fragment file of its own: fetch them together, and show each
      // as soon as it and those above it are in, so the first result does not wait for the
      // tenth.
      const pending = hits.slice(0, MAX_RESULTS).map((hit) => hit.data());
      show(countText(hits.length));
      for (const data of pending) {
        const item = resultItem(await data, query);
        if (ticket !== latest) return;
        list.append(item);
      }
      box.dispatchEvent(new CustomEvent("digest-search:results", { detail: { query } }));
    } catch (error) {
      if (ticket === latest) show(`Search is unavailable: ${error.message || error}`);
    }
  }

  input.addEventListener("input", () => {
    const query = input.value.trim();
    const ticket = ++latest;
    clearTimeout(timer);
    if (!query) {
      show(say.placeholder);
      return;
    }
    pagefind().then((module) => module.preload(query)).catch(() => {});
    timer = setTimeout(() => run(query, ticket), DEBOUNCE_MS);
  });

  const open = () => {
    if (!toggle.checked) toggle.checked = true;
    pagefind().catch(() => {}); // fetch the small entry files while the reader types
  };
  const close = () => {
    toggle.checked = false;
    input.blur();
  };
  input.addEventListener("focus", open);
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
    else input.blur();
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector(".md-search-result__link");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", () => {
    latest++;
    clearTimeout(timer);
    show(say.placeholder);
    setTimeout(() => input.focus());
  });

  // Keyboard: arrows move between the box and the results, Escape closes, Enter follows.
  const links = () => [...list.querySelectorAll(".md-search-result__link")];
  box.addEventListener("keydown", (event) => {
    if (!toggle.checked) return;
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus();
      else all[at - 1].focus();
    }
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing =
      target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!toggle.checked && !typing && HOTKEYS.has(event.key)) {
      event.preventDefault();
      open();
      input.focus();
      input.select();
    } else if (toggle.checked && event.key === "Escape" && !box.contains(target)) {
      close();
    }
  });
}
