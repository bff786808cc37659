import { escapeHtml } from '../escape'
import { languageName } from '../i18n'
import { uiStrings } from '../uiStrings'

/** The subscribe form: it POSTs to /partners/:locale/subscribe (src/subscriptions answers it). */
export const subscribeForm = (
  locale: string,
  locales: readonly string[],
  basePath: string,
): string => {
  const ui = uiStrings(locale).subscribe
  const action = `${basePath}/${encodeURIComponent(locale)}/subscribe`
  const languages = locales
    .map(
      (code) =>
        `<option value="${escapeHtml(code)}"${code === locale ? ' selected' : ''}>${escapeHtml(languageName(code))}</option>`,
    )
    .join('')
  const scopes = (['material', 'all'] as const)
    .map(
      (scope) =>
        `<label><input type="radio" name="scope" value="${scope}"${scope === 'material' ? ' checked' : ''}> ${escapeHtml(ui.scopes[scope])}</label>`,
    )
    .join('<br>\n')
  return `<section class="subscribe" aria-labelledby="subscribe-heading">
<h2 id="subscribe-heading">${escapeHtml(ui.heading)}</h2>
<form method="post" action="${escapeHtml(action)}">
<p><label for="subscribe-email">${escapeHtml(ui.email)}</label><br>
<input id="subscribe-email" type="email" name="email" required autocomplete="email" maxlength="254"></p>
<p><label for="subscribe-language">${escapeHtml(ui.language)}</label><br>
<select id="subscribe-language" name="language">${languages}</select></p>
<fieldset><legend>${escapeHtml(ui.scope)}</legend>
${scopes}
</fieldset>
<p><small>${escapeHtml(ui.consent)}</small></p>
<p><button type="submit">${escapeHtml(ui.button)}</button></p>
</form>
</section>`
}
