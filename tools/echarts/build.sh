#!/bin/sh
# build.sh: makes ../../static/vendor/echarts/echarts.min.js (what the pages
# load) from entry.js and ../../internal/echarts/bundle/echarts.build.min.js
# (what the build draws SVGs with, in goja) from entry-build.js, with the
# exact versions in package-lock.json. Run `npm ci` first (or `make echarts`,
# which does both). Same lock file, same bytes.
set -eu
cd "$(dirname "$0")"
version=$(node -p "require('echarts/package.json').version")
bundle() { # bundle ENTRY OUT
  ./node_modules/.bin/esbuild "$1" \
    --bundle --format=iife --global-name=echarts --target=es2015 \
    --define:process.env.NODE_ENV='"production"' --define:__DEV__=false \
    --minify --legal-comments=none --charset=utf8 \
    --banner:js="/*! Apache ECharts $version (reportsite subset: tools/echarts/$1) | Apache-2.0 | see LICENSE and NOTICE beside this file */" \
    --outfile="$2" --log-level=warning
}
bundle entry.js ../../static/vendor/echarts/echarts.min.js
bundle entry-build.js ../../internal/echarts/bundle/echarts.build.min.js
for dir in ../../static/vendor/echarts ../../internal/echarts/bundle; do
  mkdir -p "$dir/licenses"
  cp node_modules/echarts/LICENSE node_modules/echarts/NOTICE "$dir/"
  cp node_modules/echarts/licenses/LICENSE-d3 "$dir/licenses/"
  # The bundles also hold ZRender (BSD-3-Clause) and tslib (0BSD) code.
  cp node_modules/zrender/LICENSE "$dir/licenses/LICENSE-zrender"
  cp node_modules/tslib/LICENSE.txt "$dir/licenses/LICENSE-tslib"
done
sha256sum ../../static/vendor/echarts/echarts.min.js ../../internal/echarts/bundle/echarts.build.min.js
