// Plots the search results on a Leaflet map. The result list stays the accessible source of truth: the map reads
// the coordinates the list carries (data-lat, data-lon) and links each marker to the same programme page.
document.addEventListener("DOMContentLoaded", () => {
    const container = document.querySelector("[data-results-map]");
    if (!container || !window.L || !container.dataset.tileUrl) return;
    const results = [...document.querySelectorAll("[data-results] [data-lat]")].filter(item => item.dataset.lat);
    if (results.length === 0) return;

    container.hidden = false;
    const map = L.map(container, { scrollWheelZoom: false });
    L.tileLayer(container.dataset.tileUrl, { maxZoom: 18, attribution: container.dataset.attribution || "" }).addTo(map);
    const bounds = [];
    for (const item of results) {
        const point = [Number(item.dataset.lat), Number(item.dataset.lon)];
        bounds.push(point);
        const marker = L.marker(point, { title: item.dataset.title, alt: item.dataset.title, keyboard: true }).addTo(map);
        const link = document.createElement("a");
        link.href = item.dataset.href;
        link.textContent = item.dataset.title;
        marker.bindPopup(link);
    }
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
});
