// Points each <iframe data-site="ads|pay" data-path="…"> at that site, whose origin the test
// passes in the query string (ports are picked at random).
const params = new URLSearchParams(location.search);
for (const frame of document.querySelectorAll('iframe[data-site]')) {
  const origin = params.get(frame.dataset.site);
  if (origin) {
    frame.src = new URL(frame.dataset.path, origin).href;
  }
}
