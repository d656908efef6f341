// Kanban board of cases: drag a card onto a column to move the case through the workflow transition
// that leads there. The server decides; a refused move shows why and the card goes back.
document.addEventListener('DOMContentLoaded', () => {
  const board = document.getElementById('board');
  if (!board) return;
  const transitions = JSON.parse(board.dataset.transitions || '[]');
  const message = document.getElementById('board-message');
  let dragged = null;

  const show = (text, ok) => {
    message.textContent = text;
    message.classList.toggle('ok', !!ok);
    message.hidden = false;
  };
  const recount = () => board.querySelectorAll('.column').forEach((column) => {
    column.querySelector('.count').textContent = column.querySelectorAll('.case-card').length;
  });

  board.querySelectorAll('.case-card').forEach((card) => {
    card.addEventListener('dragstart', (event) => {
      dragged = card;
      card.classList.add('dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', card.dataset.caseId);
    });
    card.addEventListener('dragend', () => card.classList.remove('dragging'));
  });

  board.querySelectorAll('.column').forEach((column) => {
    column.addEventListener('dragover', (event) => {
      if (!dragged) return;
      event.preventDefault();
      column.classList.add('drop-target');
    });
    column.addEventListener('dragleave', () => column.classList.remove('drop-target'));
    column.addEventListener('drop', async (event) => {
      event.preventDefault();
      column.classList.remove('drop-target');
      const card = dragged;
      dragged = null;
      if (!card || card.dataset.state === column.dataset.state) return;
      const origin = card.parentElement;
      const next = card.nextElementSibling;
      const from = card.dataset.state;
      const to = column.dataset.state;
      const transition = transitions.find((t) => t.to === to && t.from.includes(from));
      const refuse = (text) => {
        origin.insertBefore(card, next);
        card.classList.add('refused');
        setTimeout(() => card.classList.remove('refused'), 500);
        recount();
        show(text, false);
      };
      if (!transition) {
        refuse(board.dataset.noTransition.replace('{0}', from).replace('{1}', to));
        return;
      }
      const body = new URLSearchParams({ transition: transition.name, version: card.dataset.version });
      for (const input of transition.requiredInputs) {
        const value = window.prompt(board.dataset.inputPrompt.replace('{0}', input));
        if (value === null) return;
        body.append(input, value);
      }
      column.querySelector('.cards-list').prepend(card);
      recount();
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
          show(transition.label + ' : ' + card.querySelector('.ref').textContent, true);
        } else {
          refuse(result.message || response.statusText);
        }
      } catch (error) {
        refuse(String(error));
      }
    });
  });
});
