// "Use my location": progressive enhancement of the search form. Without JavaScript or geolocation the button
// stays hidden and the place box works as before. The position only goes into the form's "near" field.
document.addEventListener("DOMContentLoaded", () => {
    const button = document.querySelector("[data-locate]");
    const form = document.querySelector("[data-search-form]");
    if (!button || !form || !("geolocation" in navigator)) return;
    button.hidden = false;
    button.addEventListener("click", () => {
        button.disabled = true;
        navigator.geolocation.getCurrentPosition(
            position => {
                form.querySelector("[data-near]").value =
                    position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5);
                form.querySelector("#where").value = "";
                form.submit();
            },
            () => { button.disabled = false; },
            { maximumAge: 600000, timeout: 10000 });
    });
});
