// Not React: a stand-in for what React 17–19 leave on the DOM, because no copy of React is
// vendored here. Each host element carries its current props under `__reactProps$<key>` (one
// random key per React copy; React 16 used `__reactEventHandlers$`), the root container
// `__reactContainer$<key>`, and the root container alone has real listeners: a click is
// dispatched by walking from the target up, calling each element's `onClick` prop.
window.reactRoot = function reactRoot(container) {
  const key = Math.random().toString(36).slice(2);
  container['__reactContainer$' + key] = { tag: 3 };
  const names = { click: 'onClick', mousedown: 'onMouseDown' };
  for (const type of Object.keys(names)) {
    container.addEventListener(type, (native) => {
      let stopped = false;
      const event = { nativeEvent: native, target: native.target, stopPropagation: () => (stopped = true) };
      for (let node = native.target; node && node !== container && !stopped; node = node.parentNode) {
        const handler = node['__reactProps$' + key]?.[names[type]];
        if (handler) {
          event.currentTarget = node;
          handler(event);
        }
      }
    });
  }
  const propName = { click: 'onClick', mousedown: 'onMouseDown' };
  return {
    /** As rendering `<el onClick={fn}>` does: the prop on the element, no listener on it. */
    setProp(element, type, fn) {
      const props = element['__reactProps$' + key] || (element['__reactProps$' + key] = { children: [] });
      props[propName[type]] = fn;
    },
  };
};
