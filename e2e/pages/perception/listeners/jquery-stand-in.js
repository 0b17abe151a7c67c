// Not jQuery: a stand-in that stores event handlers exactly as jQuery does, because no copy of
// jQuery is vendored here. From 3.x (jQuery 3.6 checked): the element's private data object
// under `jQuery.expando + '1'`, `{events: {click: [handleObj…]}, handle}`, each list with
// `delegateCount` and delegated handleObjs first, carrying their selector. With `?legacy`, as
// 1.x: a number under `jQuery.expando` and the data in `jQuery.cache[number]`. Dispatch is one
// real listener per element and type, as jQuery's `handle`.
(function () {
  const legacy = new URLSearchParams(location.search).has('legacy');
  const expando = 'jQuery' + ('3.6.1' + Math.random()).replace(/\D/g, '');
  const cache = {};
  let uid = 1;
  const dataOf = (element) => {
    if (legacy) {
      if (!element[expando]) {
        element[expando] = uid++;
        cache[element[expando]] = {};
      }
      return cache[element[expando]];
    }
    return element[expando + '1'] || (element[expando + '1'] = {});
  };
  function on(element, type, selector, handler) {
    const data = dataOf(element);
    const events = data.events || (data.events = {});
    if (!data.handle) {
      data.handle = (event) => {
        for (const handleObj of events[event.type] || []) {
          if (handleObj.selector) {
            const match = event.target.closest(handleObj.selector);
            if (match && element.contains(match) && match !== element) {
              handleObj.handler.call(match, { currentTarget: match, target: event.target, stopPropagation: () => event.stopPropagation() });
            }
          } else {
            handleObj.handler.call(element, event);
          }
        }
      };
    }
    let list = events[type];
    if (!list) {
      list = events[type] = [];
      list.delegateCount = 0;
      element.addEventListener(type, data.handle);
    }
    const handleObj = { type, origType: type, data: undefined, handler, guid: uid++, selector, needsContext: false, namespace: '' };
    if (selector) {
      list.splice(list.delegateCount++, 0, handleObj);
    } else {
      list.push(handleObj);
    }
  }
  const jQuery = function () {
    throw new Error('stand-in: only jQuery.expando, jQuery.cache and jQuery.on');
  };
  jQuery.expando = expando;
  if (legacy) {
    jQuery.cache = cache;
  }
  jQuery.on = on;
  window.jQuery = window.$ = jQuery;
})();
