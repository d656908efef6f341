// The import's drop zone: a file dropped on it is the file chosen, as if picked in the dialog, and the zone says
// which file will be sent, in the page's language (the browser's own input speaks the browser's).
(() => {
  const zone = document.querySelector('[data-dropzone]');
  if (!zone) {
    return;
  }
  const input = zone.querySelector('input[type=file]');
  const shown = zone.querySelector('[data-dropzone-file]');
  const lang = document.documentElement.lang || 'fr';
  const size = (bytes) => {
    const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [Math.max(bytes / 1e3, 0.1), 'kilobyte'];
    return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  };
  const show = (message) => {
    const file = input.files[0];
    shown.textContent = message || (file ? `${file.name} (${size(file.size)})` : zone.dataset.none);
    zone.classList.toggle('chosen', Boolean(file) && !message);
    zone.classList.toggle('refused', Boolean(message));
  };
  zone.classList.add('enhanced');
  input.addEventListener('change', () => show());
  ['dragenter', 'dragover'].forEach((type) => zone.addEventListener(type, (event) => {
    event.preventDefault();
    zone.classList.add('over');
  }));
  zone.addEventListener('dragleave', (event) => {
    if (!zone.contains(event.relatedTarget)) {
      zone.classList.remove('over');
    }
  });
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const files = event.dataTransfer.files;
    if (files.length > 1) {
      show(zone.dataset.oneOnly);
    } else if (files.length === 1) {
      input.files = files;
      show();
    }
  });
  // a file dropped beside the zone would replace the page with the file: it does nothing instead
  ['dragover', 'drop'].forEach((type) => window.addEventListener(type, (event) => {
    if (!zone.contains(event.target)) {
      event.preventDefault();
    }
  }));
  show();
})();
