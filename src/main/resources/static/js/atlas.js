// Behaviour of the layout that needs script; kept out of the pages because the CSP forbids inline script.
document.addEventListener('DOMContentLoaded', () => {
  const toggle = document.querySelector('.nav-toggle');
  const nav = document.getElementById('main-nav');
  if (toggle && nav) {
    toggle.addEventListener('click', () => {
      const open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', String(open));
    });
  }
  // a form's question, or the button's that sent it when that button has its own (merge or dismiss the pairs);
  // none when it is about the ticked lines and none is ticked (data-confirm-ticked names them): the server says
  // that one must be ticked, rather than a question about nothing before it
  document.querySelectorAll('form[data-confirm]').forEach((el) => {
    el.addEventListener('submit', (event) => {
      const ticked = el.getAttribute('data-confirm-ticked');
      const scope = el.querySelector('input[name=scope]:checked');
      if (ticked && (!scope || scope.value === 'checked')
          && !document.querySelector(ticked.replace('{0}', el.id) + ':checked')) return;
      const own = event.submitter && event.submitter.getAttribute('data-confirm');
      if (!window.confirm(own || el.getAttribute('data-confirm'))) event.preventDefault();
    });
  });
  // An htmx action on what a list has chosen at the time of the click (a mapping preset to delete) asks with its
  // name: data-confirm-named holds the question with {0}, data-confirm-from the list; an option's data-name is its
  // name without the page's marks ("(suggérée)"). With nothing chosen the request goes, and the server says so.
  document.addEventListener('htmx:confirm', (event) => {
    const el = event.detail.elt;
    const question = el.getAttribute('data-confirm-named');
    const list = question && document.querySelector(el.getAttribute('data-confirm-from'));
    const option = list && list.selectedOptions[0];
    if (!option || !option.value) return;
    event.preventDefault();
    if (window.confirm(question.replace('{0}', option.dataset.name || option.textContent.trim()))) {
      event.detail.issueRequest(true);
    }
  });
  document.addEventListener('submit', confirmBulkArchive);
  // A form posted once waits for its answer: a double click on "Créer" sends one request, not two cases. htmx
  // forms send their own requests; a form whose confirmation was refused was not sent. The mark goes after a few
  // seconds, and when the browser shows the page again from its history.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    if ((form.getAttribute('method') || 'get').toLowerCase() !== 'post' || form.hasAttribute('hx-post')) return;
    if (form.dataset.submitting) {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = 'true';
    setTimeout(() => delete form.dataset.submitting, 5000);
  });
  window.addEventListener('pageshow', () => {
    document.querySelectorAll('form[data-submitting]').forEach((form) => delete form.dataset.submitting);
  });
  document.addEventListener('submit', sendRowChoicesWithDecisions);
  document.addEventListener('change', openBulkChangesOnTick);
  keepWhatFormsSend();
  closeOnNarrowScreens(document);
  focusScrollingTables(document);
  window.addEventListener('resize', () => focusScrollingTables(document));
  // the list's results, the card among them, come again through htmx when a filter changes
  document.addEventListener('htmx:load', (event) => {
    closeOnNarrowScreens(event.target);
    markFieldErrors(event.target);
    focusScrollingTables(event.target);
  });
  keepFocusInSwappedRows();
  // a phone turned sideways is a wide screen: what it had closed is open there (the filter panel has no summary)
  window.matchMedia('(max-width: 640px)').addEventListener('change', (event) => {
    if (!event.matches) document.querySelectorAll('details[data-close-narrow]').forEach((d) => d.setAttribute('open', ''));
  });
});

// Archiving agencies from the list asks first, saying how many: ticking "Archiver" beside "les 2 000 agences de cette
// recherche" took them all out of the list at one click, with nothing asked. The count is the agencies ticked, or the
// search's (data-total); none ticked goes on, for the server to say so. Before the guard against a second post.
function confirmBulkArchive(event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.id !== 'bulk-form' || event.defaultPrevented) return;
  const archive = form.querySelector('input[name=archiving][value=archive]');
  if (!archive || !archive.checked) return;
  const all = form.querySelector('input[name=scope][value=all]');
  const count = all && all.checked ? Number(form.dataset.total)
    : document.querySelectorAll('input[name=ids][form=bulk-form]:checked').length;
  if (!count) return;
  const question = count === 1 ? form.dataset.archiveOne
    : form.dataset.archiveMany.replace('#', count.toLocaleString(document.documentElement.lang || 'fr'));
  if (!window.confirm(question)) event.preventDefault();
}

// The review queue's pairs decided together keep what their reviewer chose in their rows: a row's "garder celle-ci"
// radio belongs to the row's own merge form (form="merge-<pair>"), so the form of the decisions (data-row-choices)
// sends a copy of each radio ticked, keep.<pair>.<field>; the pairs not decided are left by the server. Once the
// question of the form's confirmation is answered yes.
function sendRowChoicesWithDecisions(event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-row-choices') || event.defaultPrevented) return;
  form.querySelectorAll('input[data-row-choice]').forEach((copy) => copy.remove());
  document.querySelectorAll('input[type=radio][name^="keep."]:checked').forEach((radio) => {
    const owner = radio.getAttribute('form') || '';
    if (!owner.startsWith('merge-')) return;
    const copy = document.createElement('input');
    copy.type = 'hidden';
    copy.name = 'keep.' + owner.substring('merge-'.length) + '.' + radio.name.substring('keep.'.length);
    copy.value = radio.value;
    copy.setAttribute('data-row-choice', '');
    form.appendChild(copy);
  });
}

// The prospect list's bulk changes start closed; ticking an agency opens them, the row ticked kept where it was on the
// screen (the card opens above the list), and their summary counts the agencies ticked.
function openBulkChangesOnTick(event) {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.name !== 'ids' || box.getAttribute('form') !== 'bulk-form') return;
  const details = document.getElementById('bulk-edit');
  if (!details) return;
  const before = box.getBoundingClientRect().top;
  const ticked = document.querySelectorAll('input[name=ids][form=bulk-form]:checked').length;
  const count = document.getElementById('bulk-ticked');
  if (count) {
    count.textContent = ticked === 1 ? count.dataset.one : (count.dataset.many || '').replace('#', String(ticked));
    count.hidden = ticked === 0;
  }
  if (box.checked && !details.open) details.open = true;
  // the card opened, or its summary grew a line, above the row: the row stays under the finger
  window.scrollBy(0, box.getBoundingClientRect().top - before);
}

// A card a page opens for wide screens that would fill a phone's first screen (the prospect list's filters, the
// review queue's decisions: data-close-narrow) starts closed there, its summary one tap away.
function closeOnNarrowScreens(root) {
  if (!window.matchMedia('(max-width: 640px)').matches) return;
  root.querySelectorAll('details[data-close-narrow]').forEach((details) => details.removeAttribute('open'));
}

// A table or diagram wider than its box scrolls sideways in it (a .table-wrap, a card's table on a phone, the workflow
// diagram): without a mouse it is scrolled with the arrow keys once it has the focus, so it takes the focus (WCAG
// 2.1.1), named by the heading before it. A box is a region so named; a table keeps its role. One that fits again
// leaves the tab order.
const SCROLLING_BOXES = '.table-wrap, .card table, .diagram';
let scrollingTableHeadings = 0;
function focusScrollingTables(root) {
  const scope = root.querySelectorAll ? root : document;
  const boxes = [...scope.querySelectorAll(SCROLLING_BOXES)];
  if (root.matches && root.matches(SCROLLING_BOXES)) boxes.push(root);
  boxes.forEach((box) => {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute('tabindex')) {
      box.setAttribute('tabindex', '0');
      box.dataset.scrollFocus = '';
      if (box.tagName !== 'TABLE') box.setAttribute('role', 'region');
      const heading = headingBefore(box);
      if (heading && !box.hasAttribute('aria-label') && !box.hasAttribute('aria-labelledby')) {
        if (!heading.id) heading.id = 'scrolling-table-heading-' + (++scrollingTableHeadings);
        box.setAttribute('aria-labelledby', heading.id);
        box.dataset.scrollLabel = '';
      }
    } else if (!scrolls && box.hasAttribute('data-scroll-focus')) {
      box.removeAttribute('tabindex');
      box.removeAttribute('data-scroll-focus');
      if (box.tagName !== 'TABLE') box.removeAttribute('role');
      if (box.hasAttribute('data-scroll-label')) {
        box.removeAttribute('aria-labelledby');
        box.removeAttribute('data-scroll-label');
      }
    }
  });
}

// The nearest heading before an element in the page's order: a sibling's, or one of its ancestors' siblings'.
function headingBefore(element) {
  for (let node = element; node && node !== document.body; node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (/^H[1-6]$/.test(sibling.tagName)) return sibling;
      const inside = sibling.querySelectorAll('h1, h2, h3, h4, h5, h6');
      if (inside.length) return inside[inside.length - 1];
    }
  }
  return null;
}

// A form whose results htmx redraws alone (data-errors-in: the id of the results) is not drawn again, so its fields
// are marked from the messages the new results carry, each naming its field (data-field): aria-invalid, and
// aria-describedby pointing to the message (the border follows, atlas.css); a field corrected loses its mark with
// the results that no longer refuse it, and a field in error inside a closed panel opens it. A page drawn whole
// comes with its fields marked by the server.
function markFieldErrors(results) {
  if (!results.id) return;
  document.querySelectorAll('form[data-errors-in]').forEach((form) => {
    if (form.getAttribute('data-errors-in') !== results.id) return;
    const messages = new Map([...results.querySelectorAll('[data-field][id]')].map((m) => [m.dataset.field, m.id]));
    [...form.elements].forEach((field) => {
      if (!field.name || field.type === 'hidden') return;
      // the other ids it names stay; a message's, of these results or of the old ones (gone), is dropped
      const described = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter((id) => {
        const target = id && document.getElementById(id);
        return target && !target.hasAttribute('data-field');
      });
      const message = messages.get(field.name);
      if (message) {
        field.setAttribute('aria-invalid', 'true');
        described.push(message);
        for (let panel = field.closest('details'); panel; panel = panel.parentElement.closest('details')) {
          panel.open = true;
        }
      } else {
        field.removeAttribute('aria-invalid');
      }
      if (described.length) field.setAttribute('aria-describedby', described.join(' '));
      else field.removeAttribute('aria-describedby');
    });
  });
}

// A form sent after the session ended is refused, and the member lands on the login page or back on the form's page
// with "unsent" in its address (ExpiredFormHandler). What the form held is kept in this tab's sessionStorage as it is
// sent, and put back into the same form there, so that a long note is not typed twice. Passwords, hidden fields and
// files are never kept, nor the forms marked data-unkept (signing in and out). The copy is dropped on any other page
// load: that form was received.
function keepWhatFormsSend() {
  const KEY = 'atlas.sent-form';
  const params = new URLSearchParams(window.location.search);
  const actionOf = (form) => form.getAttribute('hx-post') || form.getAttribute('action') || window.location.pathname;
  const kept = (() => {
    try {
      return JSON.parse(window.sessionStorage.getItem(KEY) || 'null');
    } catch (e) {
      return null;
    }
  })();
  if (kept && params.has('unsent')) {
    const form = [...document.querySelectorAll('form')].find((f) => actionOf(f) === kept.action);
    if (form) {
      Object.entries(kept.fields).forEach(([name, value]) => {
        const field = form.elements.namedItem(name);
        if (field && !(field instanceof RadioNodeList) && 'value' in field) field.value = value;
      });
      window.sessionStorage.removeItem(KEY);
    }
  } else if (kept && !(params.has('expired') && params.has('target'))) {
    window.sessionStorage.removeItem(KEY);
  }
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.hasAttribute('data-unkept')) return;
    if ((form.getAttribute('method') || 'get').toLowerCase() !== 'post' && !form.hasAttribute('hx-post')) return;
    const fields = {};
    [...form.elements].forEach((field) => {
      if (!field.name || field.name === '_csrf' || field.disabled) return;
      if (field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement
          || (field instanceof HTMLInputElement && !['password', 'hidden', 'file', 'checkbox', 'radio', 'submit',
            'button'].includes(field.type))) {
        fields[field.name] = field.value;
      }
    });
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify({ action: actionOf(form), fields }));
    } catch (e) {
      // storage full or refused: the form is sent all the same
    }
  }, true);
  // htmx sends without loading a page: an answer that is not a way to the login page says the form was received
  document.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail.successful && !event.detail.xhr.getResponseHeader('HX-Redirect')) {
      window.sessionStorage.removeItem(KEY);
    }
  });
}

// A row that htmx swaps whole (a move made from the case list) keeps the focus: the button pressed went with the old
// row, and a member working by keyboard was sent back to the top of the page, to tab down through the list again.
// The new row's button for the same move takes it (a move refused), else the row's first action, else its link.
function keepFocusInSwappedRows() {
  let swapped = null;
  document.addEventListener('htmx:beforeSwap', (event) => {
    const target = event.detail.target;
    const active = document.activeElement;
    swapped = null;
    if (!target || !target.id || target.tagName !== 'TR' || !active || !target.contains(active)) return;
    const named = active.closest('[data-transition]')
      || (active.closest('details') && active.closest('details').querySelector('[data-transition]'));
    swapped = { id: target.id, transition: named ? named.dataset.transition : null };
  });
  document.addEventListener('htmx:afterSettle', () => {
    if (!swapped) return;
    const { id, transition } = swapped;
    swapped = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    const row = document.getElementById(id);
    if (!row) return;
    const next = (transition && row.querySelector('[data-transition="' + CSS.escape(transition) + '"]'))
      || row.querySelector('.row-actions button, .row-actions summary') || row.querySelector('a');
    if (next) next.focus();
  });
}
