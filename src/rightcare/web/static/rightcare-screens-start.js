// Runs first in <body>: GOV.UK Frontend styles its components differently once JS is on.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
