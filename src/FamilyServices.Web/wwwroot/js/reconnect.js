// The staff area's reconnect notice: "Reload" loads the page the browser shows now.
document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-reload]')) {
        window.location.reload();
    }
});
