/** A link to the translations dashboard, under the collections in the admin's navigation. */
export const TranslationsNavLink = () => (
  <a
    href="/admin/translations"
    className="nav__link"
    id="nav-translations"
    style={{ display: 'block', padding: '0.25rem 0' }}
  >
    Translations
  </a>
)
