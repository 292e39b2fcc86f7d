#!/usr/bin/env sh
# The NL Design System CSS, from npm at the versions in package-lock.json, into one
# static file: website/static/vendor/nlds/nlds.css (git-ignored; `make install` runs this).
# No bundler: each component's own compiled CSS, concatenated in the order below, behind
# a header naming every package, its version and its licence. Our theme (design tokens)
# and site styles load after it: website/static/css/theme.css and site.css.
# `npm ci` installs the devDependencies too: vnu-jar, the Nu Html Checker that the browser
# tests run on the JDK found on the machine (--ignore-scripts: it downloads no Java).
set -eu
cd "$(dirname "$0")/.."

# The components the templates use, as npm package names without "@utrecht/" and "-css".
COMPONENTS="skip-link button form-field form-label form-field-description
form-field-error-message form-fieldset textbox textarea select checkbox radio-button
alert link-list"

command -v npm >/dev/null || { echo "build-css: npm (Node.js 20 or later) is needed" >&2; exit 1; }
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

out=website/static/vendor/nlds
tmp="$out/nlds.css.tmp"
mkdir -p "$out"
{
  echo "/* NL Design System components, built by scripts/build-css.sh from package-lock.json:"
  for name in $COMPONENTS; do
    node -p "const p = require('./node_modules/@utrecht/$name-css/package.json'); \` * \${p.name} \${p.version} (\${p.license})\`"
  done
  echo " */"
  for name in $COMPONENTS; do
    cat "node_modules/@utrecht/$name-css/dist/index.min.css"
    echo
  done
} > "$tmp"
mv "$tmp" "$out/nlds.css"
echo "build-css: $out/nlds.css ($(wc -c < "$out/nlds.css") bytes)"
