// Not Vue: a stand-in for Vue 3's runtime-dom `patchEvent`, because no copy of Vue is vendored
// here. Vue keeps one invoker per listener prop in `element._vei` (`{onClick: invoker}`), the
// invoker calling `invoker.value`, and adds the invoker with addEventListener.
window.vueOn = function vueOn(element, type, fn) {
  const invokers = element._vei || (element._vei = {});
  const rawName = 'on' + type[0].toUpperCase() + type.slice(1);
  const invoker = (event) => invoker.value(event);
  invoker.value = fn;
  invoker.attached = Date.now();
  invokers[rawName] = invoker;
  element.addEventListener(type, invoker);
};
