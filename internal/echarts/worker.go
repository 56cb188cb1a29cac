package echarts

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dop251/goja"
)

// bootProgram supplies what ECharts expects of its host beyond ECMAScript.
// Without window and document, ECharts and zrender detect a non-browser
// environment and measure text with built-in estimates, needing no canvas.
// zrender still calls setTimeout (its requestAnimationFrame fallback) when
// a chart refreshes; in SSR mode with animation off nothing is drawn per
// frame, so the callbacks are dropped. console is silenced.
const bootSource = `
var setTimeout = function () { return 0; };
var clearTimeout = function () {};
var setInterval = setTimeout;
var clearInterval = clearTimeout;
var console = (function () {
	var noop = function () {};
	return {log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop};
})();
`

var bootProgram = goja.MustCompile("boot.js", bootSource, true)

// renderProgram evaluates to the function a worker calls per chart. It
// returns ECharts' SVG virtual DOM (what renderToSVGString serialises) as
// JSON: {t: tag, a: [[name, value]...], c: [children], x: text}. ECharts
// writes attribute values into its string unescaped, so the tree is the only
// unambiguous form. Progressive rendering and animated force layout are
// turned off because they would finish in later frames, which never come.
const renderSource = `
(function (json, width, height) {
	var option = JSON.parse(json);
	option.animation = false;
	var series = option.series;
	if (series && !Array.isArray(series)) {
		series = [series];
	}
	if (series) {
		for (var i = 0; i < series.length; i++) {
			if (series[i] && typeof series[i] === 'object') {
				series[i].animation = false;
				series[i].progressive = 0;
				if (series[i].force && typeof series[i].force === 'object') {
					series[i].force.layoutAnimation = false;
				}
			}
		}
	}
	var chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width: width, height: height});
	try {
		chart.setOption(option);
		var vnode = chart.getZr().painter.renderToVNode({
			animation: false, emphasis: false, willUpdate: false, compress: true, useViewBox: true
		});
	} finally {
		chart.dispose();
	}
	function walk(n) {
		var attrs = [];
		for (var k in n.attrs) {
			var v = n.attrs[k];
			if (v === false || v == null) {
				continue;
			}
			attrs.push([k, v === true ? '' : String(v)]);
		}
		var kids = [];
		if (n.children) {
			for (var i = 0; i < n.children.length; i++) {
				kids.push(walk(n.children[i]));
			}
		}
		return {t: String(n.tag), a: attrs, c: kids, x: n.text == null ? '' : String(n.text)};
	}
	return JSON.stringify(walk(vnode));
})
`

var renderProgram = goja.MustCompile("render.js", renderSource, true)

// hostHash identifies the JavaScript that drives ECharts, for the cache key.
var hostHash = sha256.Sum256([]byte(bootSource + "\x00" + renderSource))

// node is one element of ECharts' SVG virtual DOM.
type node struct {
	Tag      string      `json:"t"`
	Attrs    [][2]string `json:"a"`
	Children []*node     `json:"c"`
	Text     string      `json:"x"`
}

// worker is one goja runtime with ECharts loaded. A runtime is not safe for
// concurrent use; the pool hands each to one goroutine at a time.
type worker struct {
	vm     *goja.Runtime
	render goja.Callable
	seed   uint64
}

// epoch is the fixed clock every runtime sees, so that nothing in the output
// depends on when it was built.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func (r *Renderer) newWorker() (*worker, error) {
	w := &worker{vm: goja.New()}
	w.vm.SetMaxCallStackSize(2000)
	w.vm.SetTimeSource(func() time.Time { return epoch })
	w.vm.SetRandSource(w.random)
	if _, err := w.vm.RunProgram(r.boot); err != nil {
		return nil, fmt.Errorf("start runtime: %w", err)
	}
	script, err := r.program()
	if err != nil {
		return nil, err
	}
	if _, err := w.vm.RunProgram(script); err != nil {
		return nil, fmt.Errorf("run echarts: %w", err)
	}
	if _, err := w.vm.RunString(`if (typeof echarts !== 'object' || typeof echarts.init !== 'function') throw new Error('script does not define echarts.init');`); err != nil {
		return nil, fmt.Errorf("run echarts: %w", err)
	}
	fn, err := w.vm.RunProgram(r.render)
	if err != nil {
		return nil, fmt.Errorf("start runtime: %w", err)
	}
	render, ok := goja.AssertFunction(fn)
	if !ok {
		return nil, errors.New("start runtime: render is not a function")
	}
	w.render = render
	r.started.Add(1)
	return w, nil
}

// random is Math.random: splitmix64, reseeded for every chart.
func (w *worker) random() float64 {
	w.seed += 0x9e3779b97f4a7c15
	z := w.seed
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	z ^= z >> 31
	return float64(z>>11) / (1 << 53)
}

// run renders c's option in a pooled runtime and returns the virtual DOM.
func (r *Renderer) run(c Chart) (*node, error) {
	w := <-r.pool
	if w == nil {
		var err error
		if w, err = r.newWorker(); err != nil {
			r.pool <- nil
			return nil, err
		}
	}
	tree, keep, err := r.call(w, c)
	if !keep {
		w = nil // state unknown: start afresh next time
	}
	r.pool <- w
	return tree, err
}

// call runs one chart. keep reports whether the runtime may be reused: only
// after a clean render. A JavaScript exception, an interrupt or a Go panic
// may leave ECharts half-way through an update, and a fresh runtime costs
// little next to a wrong chart.
func (r *Renderer) call(w *worker, c Chart) (tree *node, keep bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			tree, keep, err = nil, false, fmt.Errorf("echarts: internal error: %v", p)
		}
	}()
	w.seed = 0
	timer := time.AfterFunc(r.timeout, func() { w.vm.Interrupt("timeout") })
	v, err := w.render(goja.Undefined(), w.vm.ToValue(string(c.Option)), w.vm.ToValue(c.Width), w.vm.ToValue(c.Height))
	// If the interrupt fired, or is firing, it may land after this call
	// returns: the runtime must not be reused.
	keep = timer.Stop()
	w.vm.ClearInterrupt()
	if err != nil {
		var exc *goja.Exception
		if errors.As(err, &exc) {
			if v := exc.Value(); v != nil {
				return nil, false, fmt.Errorf("echarts: %s", v.String())
			}
			return nil, false, fmt.Errorf("echarts: %w", err)
		}
		var intr *goja.InterruptedError
		if errors.As(err, &intr) {
			return nil, false, fmt.Errorf("echarts: rendering took longer than %v", r.timeout)
		}
		return nil, false, fmt.Errorf("echarts: %w", err)
	}
	var n node
	if err := json.Unmarshal([]byte(v.String()), &n); err != nil {
		return nil, false, fmt.Errorf("echarts: read SVG tree: %w", err)
	}
	return &n, keep, nil
}
