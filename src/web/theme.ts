// NL Design System: the Utrecht design tokens (scoped to .utrecht-theme) and only the stylesheets of the
// components this app uses. Each *-css package is a dependency of @utrecht/component-library-react@14.0.1,
// which has no CSS of its own. Imported one by one from here (not with @import in CSS) so that a
// stylesheet's own @charset does not land in the middle of another file.
import '@utrecht/design-tokens/dist/index.css';
import '@utrecht/document-css/dist/index.css';
import '@utrecht/page-css/dist/index.css';
import '@utrecht/page-header-css/dist/index.css';
import '@utrecht/page-content-css/dist/index.css';
import '@utrecht/page-footer-css/dist/index.css';
import '@utrecht/skip-link-css/dist/index.css';
import '@utrecht/heading-1-css/dist/index.css';
import '@utrecht/heading-2-css/dist/index.css';
import '@utrecht/heading-3-css/dist/index.css';
import '@utrecht/heading-4-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/link-css/dist/index.css';
import '@utrecht/button-css/dist/index.css';
import '@utrecht/button-group-css/dist/index.css';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-field-error-message-css/dist/index.css';
import '@utrecht/form-fieldset-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/radio-button-css/dist/index.css';
import '@utrecht/checkbox-css/dist/index.css';
import '@utrecht/custom-checkbox-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/table-css/dist/index.css';
import '@utrecht/alert-css/dist/index.css';
import '@utrecht/data-list-css/dist/index.css';
import '@utrecht/unordered-list-css/dist/index.css';
import '@utrecht/ordered-list-css/dist/index.css';
import '@utrecht/code-css/dist/index.css';
import './styles.css';
