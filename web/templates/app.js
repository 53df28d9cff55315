// Progressive help only: the page works without this file.
// "/" focuses the query box, as on most search pages.
document.addEventListener('keydown', function (event) {
  var box = document.querySelector('input[name=q]');
  if (event.key === '/' && box && document.activeElement !== box) {
    event.preventDefault();
    box.focus();
    box.select();
  }
});
// Changing the sort order searches again at once.
document.addEventListener('change', function (event) {
  if (event.target && event.target.name === 'sort' && event.target.form) event.target.form.submit();
});
