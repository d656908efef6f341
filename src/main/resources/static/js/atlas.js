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
  document.querySelectorAll('[data-confirm]').forEach((el) => {
    el.addEventListener('submit', (event) => {
      if (!window.confirm(el.getAttribute('data-confirm'))) event.preventDefault();
    });
  });
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
});
