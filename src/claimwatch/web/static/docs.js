// Starts the vendored Swagger UI on the server's OpenAPI document (no inline script: CSP).
"use strict";
window.addEventListener("load", function () {
  var el = document.getElementById("swagger-ui");
  /* global SwaggerUIBundle */
  window.ui = SwaggerUIBundle({url: el.getAttribute("data-openapi"), dom_id: "#swagger-ui", deepLinking: true});
});
