#!/bin/sh
# build.sh: makes ../../static/vendor/echarts/echarts.min.js from entry.js
# with the exact versions in package-lock.json. Run `npm ci` first (or
# `make echarts`, which does both). Same lock file, same bytes.
set -eu
cd "$(dirname "$0")"
out=../../static/vendor/echarts/echarts.min.js
version=$(node -p "require('echarts/package.json').version")
./node_modules/.bin/esbuild entry.js \
  --bundle --format=iife --global-name=echarts --target=es2015 \
  --define:process.env.NODE_ENV='"production"' --define:__DEV__=false \
  --minify --legal-comments=none --charset=utf8 \
  --banner:js="/*! Apache ECharts $version (reportsite subset: tools/echarts/entry.js) | Apache-2.0 | see LICENSE and NOTICE beside this file */" \
  --outfile="$out" --log-level=warning
cp node_modules/echarts/LICENSE node_modules/echarts/NOTICE ../../static/vendor/echarts/
cp node_modules/echarts/licenses/LICENSE-d3 ../../static/vendor/echarts/licenses/
# The bundle also holds ZRender (BSD-3-Clause) and tslib (0BSD) code.
cp node_modules/zrender/LICENSE ../../static/vendor/echarts/licenses/LICENSE-zrender
cp node_modules/tslib/LICENSE.txt ../../static/vendor/echarts/licenses/LICENSE-tslib
sha256sum "$out"
