// Kanban board of cases: drag a card onto a column to move the case through the workflow transition
// that leads there, or pick the move in the card's "Déplacer…" menu (a touch phone has no drag and drop, and a
// keyboard neither). The server decides; a refused move shows why and the card goes back.
document.addEventListener('DOMContentLoaded', () => {
  const board = document.getElementById('board');
  if (!board) return;
  const transitions = JSON.parse(board.dataset.transitions || '[]');
  const message = document.getElementById('board-message');
  let dragged = null;

  // The message stays pinned over the board, so it covers the columns' headers: a refusal stays until the
  // person closes it (its button, or Escape) or the next move; a confirmation goes by itself.
  // Closed from its button, the focus goes back to the card it is about.
  let fading = null;
  let lastCard = null;
  const hide = () => {
    clearTimeout(fading);
    const hadFocus = message.contains(document.activeElement);
    message.hidden = true;
    if (!hadFocus || !lastCard || !lastCard.isConnected) return;
    const back = lastCard.querySelector('button.card-move:not([hidden])') || lastCard.querySelector('a.ref');
    if (back) back.focus();
  };
  const show = (text, ok) => {
    message.querySelector('.text').textContent = text;
    message.classList.toggle('ok', !!ok);
    message.hidden = false;
    clearTimeout(fading);
    if (ok) fading = setTimeout(hide, 8000);
  };
  message.querySelector('button.close').addEventListener('click', hide);
  document.addEventListener('keydown', (event) => {
    // an open "Déplacer…" menu takes the first Escape
    const inMenu = event.target.closest && event.target.closest('.card-moves');
    if (event.key === 'Escape' && !message.hidden && !inMenu) hide();
  });
  // Column counts are of every case, not only the cards drawn (the board is capped):
  // a move adjusts them by one.
  const adjust = (column, delta, card) => {
    const count = column.querySelector('.count');
    count.dataset.total = Number(count.dataset.total || 0) + delta;
    count.textContent = count.dataset.total;
    addAmount(column, card ? delta * Number(card.dataset.amount || 0) : 0);
  };
  // and so are their sums of the type's money field (ADR 0091), written as the server
  // writes them: "1 250 000 €", "€1,250,000"
  const english = (document.documentElement.lang || '').startsWith('en');
  const euros = (amount) => {
    const digits = Number.isInteger(amount) ? 0 : 2;
    return new Intl.NumberFormat(english ? 'en-GB' : 'fr-FR', { style: 'currency', currency: 'EUR',
      minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
  };
  // an empty column shows a dash rather than "0 €", as the server draws it
  const addAmount = (column, amount) => {
    const sum = column.querySelector('.column-amount');
    if (!sum) return;
    const total = Math.round((Number(sum.dataset.amount || 0) + amount) * 100) / 100;
    sum.dataset.amount = total;
    const empty = Number(column.querySelector('.count').dataset.total || 0) === 0;
    sum.querySelector('.sum').textContent = empty ? '—' : euros(total);
  };
  const columnOf = (state) => Array.from(board.querySelectorAll('.column')).find((c) => c.dataset.state === state);
  const closeMenus = (except) => board.querySelectorAll('.card-moves').forEach((menu) => {
    if (menu === except) return;
    const toggle = menu.parentElement.querySelector('button.card-move');
    if (toggle) toggle.setAttribute('aria-expanded', 'false');
    menu.remove();
  });

  // A card with no move its member may make (a closed case, a viewer's) shows no "Déplacer…",
  // rather than one that opens onto nothing.
  const movesOf = (card) => transitions.filter((t) => t.allowed && t.from.includes(card.dataset.state) && columnOf(t.to));
  const refreshToggles = () => board.querySelectorAll('.case-card').forEach((card) => {
    const toggle = card.querySelector('button.card-move');
    if (toggle) toggle.hidden = movesOf(card).length === 0;
  });

  // Moves a card into a column, as a drop or the card's menu asks.
  const move = async (card, column) => {
    if (!card || !column || card.dataset.state === column.dataset.state) return;
    lastCard = card;
    const origin = card.parentElement;
    const originColumn = card.closest('.column');
    const next = card.nextElementSibling;
    const from = card.dataset.state;
    const to = column.dataset.state;
    const transition = transitions.find((t) => t.to === to && t.from.includes(from));
    let moved = false;
    const refuse = (text) => {
      origin.insertBefore(card, next);
      card.classList.add('refused');
      setTimeout(() => card.classList.remove('refused'), 500);
      if (moved) {
        adjust(originColumn, 1, card);
        adjust(column, -1, card);
      }
      show(text, false);
    };
    if (!transition) {
      // the columns' labels, as the board shows them, rather than the states' keys
      refuse(board.dataset.noTransition.replace('{0}', originColumn.dataset.label || from)
        .replace('{1}', column.dataset.label || to));
      return;
    }
    // a move that closes the case without its success ("Perdu") ends it for good: asked
    // first, as the case page and the list ask
    if (transition.closes && !window.confirm(board.dataset.confirmClose
      .replace('{0}', card.querySelector('.ref').textContent).replace('{1}', column.dataset.label || to))) {
      return;
    }
    const body = new URLSearchParams({ transition: transition.name, version: card.dataset.version });
    for (const input of transition.requiredInputs) {
      const value = window.prompt(board.dataset.inputPrompt.replace('{0}', (transition.inputLabels || {})[input] || input));
      if (value === null) return;
      body.append(input, value);
    }
    column.querySelector('.cards-list').prepend(card);
    moved = true;
    adjust(originColumn, -1, card);
    adjust(column, 1, card);
    try {
      const response = await fetch(board.dataset.moveUrl + card.dataset.caseId + '/move', {
        method: 'POST',
        headers: { [board.dataset.csrfHeader]: board.dataset.csrfToken, 'Accept': 'application/json' },
        body,
      });
      const result = await response.json();
      if (response.ok && result.ok) {
        card.dataset.state = result.state;
        card.dataset.version = result.version;
        // a move may have asked the amount (a budget given on qualifying)
        if ('amount' in result) {
          addAmount(column, Number(result.amount || 0) - Number(card.dataset.amount || 0));
          card.dataset.amount = result.amount ?? '';
        }
        refreshToggles();
        show(transition.label + board.dataset.separator + card.querySelector('.ref').textContent, true);
      } else {
        refuse(result.message || response.statusText);
      }
    } catch (error) {
      refuse(String(error));
    }
  };

  // Delegated, so that cards loaded later by "voir plus" can be dragged too.
  board.addEventListener('dragstart', (event) => {
    const card = event.target.closest && event.target.closest('.case-card');
    if (!card) return;
    dragged = card;
    card.classList.add('dragging');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.dataset.caseId);
  });
  board.addEventListener('dragend', (event) => {
    const card = event.target.closest && event.target.closest('.case-card');
    if (card) card.classList.remove('dragging');
  });

  board.querySelectorAll('.column').forEach((column) => {
    column.addEventListener('dragover', (event) => {
      if (!dragged) return;
      event.preventDefault();
      column.classList.add('drop-target');
    });
    column.addEventListener('dragleave', () => column.classList.remove('drop-target'));
    column.addEventListener('drop', (event) => {
      event.preventDefault();
      column.classList.remove('drop-target');
      const card = dragged;
      dragged = null;
      move(card, column);
    });
  });

  // The card's menu: the moves its state allows the member, each named by its words and
  // the column it leads to ("Qualifier → Qualifié"), built when opened, as the card's
  // state changes with each move.
  board.addEventListener('click', (event) => {
    const target = event.target.closest && event.target.closest('button');
    if (!target) return;
    const card = target.closest('.case-card');
    if (!card) return;
    if (target.classList.contains('card-move')) {
      const open = card.querySelector('.card-moves');
      closeMenus(null);
      if (open) return;
      const menu = document.createElement('div');
      menu.className = 'card-moves';
      menu.setAttribute('role', 'group');
      menu.setAttribute('aria-label', target.getAttribute('aria-label') || target.textContent);
      const allowed = movesOf(card);
      for (const t of allowed) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'small' + (t.closes ? ' danger' : '');
        button.dataset.transition = t.name;
        button.dataset.to = t.to;
        button.textContent = t.label + ' → ' + (columnOf(t.to).dataset.label || t.to);
        menu.append(button);
      }
      if (!allowed.length) {
        const none = document.createElement('p');
        none.className = 'help';
        none.textContent = board.dataset.noMove;
        menu.append(none);
      }
      target.setAttribute('aria-expanded', 'true');
      target.after(menu);
      const first = menu.querySelector('button');
      if (first) first.focus();
      return;
    }
    if (target.dataset.to && target.closest('.card-moves')) {
      const toggle = card.querySelector('button.card-move');
      closeMenus(null);
      if (toggle) toggle.focus();
      // the card leaves its column, and comes back if refused: the focus went with it to
      // the page's top, and a member moving by keyboard had to tab back through the board.
      // It is given back to the card, unless the member has gone elsewhere meanwhile.
      move(card, columnOf(target.dataset.to)).then(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        const back = card.querySelector('button.card-move:not([hidden])') || card.querySelector('a.ref');
        if (back) back.focus();
      });
    }
  });
  board.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const menu = event.target.closest && event.target.closest('.card-moves');
    if (!menu) return;
    const toggle = menu.parentElement.querySelector('button.card-move');
    closeMenus(null);
    if (toggle) toggle.focus();
  });
  refreshToggles();
  // the cards "voir plus" loads
  board.addEventListener('htmx:afterSwap', refreshToggles);
  // every handler is bound: a card dragged from now on is moved
  board.dataset.ready = 'true';
});
