// The same controls for every framework page: an icon-only button, a tic-tac-toe board, colour
// swatches, mail rows with a trash icon, a menu list and a plain box nobody listens to. None has
// a role, a tabindex, an onclick attribute or a pointer cursor: only listeners say they act.
// `bind(element, type, name, fn)` binds one handler as the page's framework does; a page that
// delegates passes `delegate(list, type, selector, fn)` too.
window.buildFixture = function buildFixture(title, bind, delegate) {
  const log = (what) => {
    document.getElementById('log').textContent = 'clicked ' + what;
  };
  const html = `
    <h1>${title}</h1>
    <div class="toolbar"><span id="like" class="toolbar-button"><i class="icon-heart"></i></span></div>
    <h2>Board</h2>
    <div id="board">${Array.from({ length: 9 }, (_, i) => `<div class="cell" data-i="${i}"></div>`).join('')}</div>
    <h2>Colours</h2>
    <div id="swatches">
      <div class="swatch" data-c="red" style="background: #c33"></div>
      <div class="swatch" data-c="green" style="background: #3c3"></div>
      <div class="swatch" data-c="blue" style="background: #33c"></div>
    </div>
    <h2>Mail</h2>
    <ul id="mail">
      <li class="row" data-m="lunch"><span>Lunch on Friday</span> <span class="trash"><i class="icon-trash"></i></span></li>
      <li class="row" data-m="report"><span>Quarterly report</span> <span class="trash"><i class="icon-trash"></i></span></li>
    </ul>
    <h2>Menu</h2>
    <ul id="menu"><li>Apples</li><li>Pears</li><li>Plums</li></ul>
    <div id="plain">Plain box</div>
    <p>Log: <output id="log">nothing yet</output></p>`;
  document.getElementById('app').innerHTML = html;
  bind(document.getElementById('like'), 'click', 'like', () => log('like'));
  for (const cell of document.querySelectorAll('.cell')) {
    bind(cell, 'click', 'cell', () => {
      cell.textContent = 'X';
      log('cell ' + cell.dataset.i);
    });
  }
  for (const swatch of document.querySelectorAll('.swatch')) {
    bind(swatch, 'mousedown', 'swatch', () => log('swatch ' + swatch.dataset.c));
  }
  for (const row of document.querySelectorAll('.row')) {
    bind(row, 'click', 'open', () => log('open ' + row.dataset.m));
    const trash = row.querySelector('.trash');
    bind(trash, 'click', 'trash', (event) => {
      event.stopPropagation();
      log('trash ' + row.dataset.m);
    });
  }
  const menu = document.getElementById('menu');
  const pick = (event) => log('menu ' + event.currentTarget.textContent);
  if (delegate) {
    delegate(menu, 'click', 'li', pick);
  } else {
    for (const item of menu.children) {
      bind(item, 'click', 'menu', (event) => log('menu ' + item.textContent, event));
    }
  }
};
