// Charts of the cases dashboard (/cases/reports), drawn with Chart.js from the numbers the server put
// in data-report (no inline script: the content security policy forbids it). The tables below stay
// the accessible, exact version of the same numbers.
document.addEventListener('DOMContentLoaded', () => {
  const holder = document.getElementById('report-charts');
  if (!holder || typeof Chart === 'undefined') return;
  const report = JSON.parse(holder.dataset.report || '{}');
  const percent = (value) => Math.round(value * 100) + ' %';

  (report.conversion || []).forEach((conversion) => {
    const canvas = document.getElementById('chart-conversion-' + conversion.caseType);
    if (!canvas) return;
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: conversion.states,
        datasets: [{ label: canvas.dataset.label, data: conversion.reached, backgroundColor: '#1f4fd1' }]
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (item) => item.formattedValue + ' · ' + percent(conversion.rates[item.dataIndex])
            }
          }
        },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });

  const agents = report.agents;
  const agentCanvas = document.getElementById('chart-agents');
  if (agents && agentCanvas) {
    new Chart(agentCanvas, {
      type: 'bar',
      data: {
        labels: agents.names,
        datasets: [
          { label: agentCanvas.dataset.appointments, data: agents.appointments, backgroundColor: '#1f4fd1' },
          { label: agentCanvas.dataset.noShows, data: agents.noShows, backgroundColor: '#d14b1f' }
        ]
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
});
