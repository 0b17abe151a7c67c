// Not d3: a stand-in for d3-selection's `selection.on(type, fn)`, because no copy of d3 is
// vendored here. d3 keeps `element.__on = [{type, name, value, listener, options}]` and adds
// `listener` with addEventListener; this does the same.
window.d3on = function d3on(element, typename, value) {
  const [type, name = ''] = typename.split('.');
  const listener = function (event) {
    value.call(this, event, this.__data__);
  };
  const entry = { type, name, value, listener, options: undefined };
  element.addEventListener(type, listener);
  (element.__on || (element.__on = [])).push(entry);
};
