// GOV.UK Frontend's components (service navigation menu, error summary focus, skip link).
import { initAll } from "./vendor/govuk-frontend-6.6.0/govuk-frontend.min.js";

initAll();
