package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// rebuild is what one edit cost under `reportsite serve`.
type rebuild struct {
	build  time.Duration // the build, as the server logged it
	reload time.Duration // from writing the file to the reload event
	all    time.Duration // from writing the file to the server's "finished" (every file made), when it logs one
}

var (
	servingRe  = regexp.MustCompile(`serving http://(\S+)/`)
	builtRe    = regexp.MustCompile(`built \d+ files in (\S+)`)
	finishedRe = regexp.MustCompile(`finished \d+ files in (\S+)`)
)

// serveRebuilds copies the site in src (content, seeds, templates, static)
// into the folder serve-name under tmp,
// runs `bin serve` on the copy, and edits one section file n times, each
// time waiting for the reload event that a browser would get. It returns
// the measurements in the order made.
func serveRebuilds(ctx context.Context, bin, src, tmp, name string, n int) ([]rebuild, error) {
	dir := filepath.Join(tmp, "serve-"+name)
	for _, d := range []string{"content", "seeds", "templates", "static"} {
		if err := copyTree(filepath.Join(src, d), filepath.Join(dir, d)); err != nil {
			return nil, err
		}
	}
	sections, _ := filepath.Glob(filepath.Join(dir, "content", "*", "[0-9]*.md"))
	if len(sections) == 0 {
		return nil, fmt.Errorf("no section files under %s", filepath.Join(src, "content"))
	}
	slices.Sort(sections)
	edit := sections[0]
	orig, err := os.ReadFile(edit)
	if err != nil {
		return nil, err
	}

	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve", "-src", dir, "-addr", "127.0.0.1:0")
	logs, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() { cancel(); cmd.Wait() }()
	lines := make(chan string, 64)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(logs)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	addr, err := waitLine(lines, servingRe)
	if err != nil {
		return nil, fmt.Errorf("serve did not start: %w", err)
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+addr+"/__reload", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- name
			}
		}
	}()

	var out []rebuild
	for i := range n {
		// Each edit adds or removes a trailing newline: the site stays
		// valid, and every save is a real change on disk.
		data := orig
		if i%2 == 0 {
			data = append(slices.Clone(orig), '\n')
		}
		start := time.Now()
		if err := os.WriteFile(edit, data, 0o644); err != nil {
			return nil, err
		}
		select {
		case e, ok := <-events:
			if !ok || e != "reload" {
				return nil, fmt.Errorf("edit %d: got event %q, want reload", i+1, e)
			}
		case <-ctx.Done():
			return nil, fmt.Errorf("edit %d: no reload event", i+1)
		}
		r := rebuild{reload: time.Since(start)}
		took, err := waitLine(lines, builtRe)
		if err != nil {
			return nil, err
		}
		if r.build, err = time.ParseDuration(took); err != nil {
			return nil, err
		}
		// A server that makes the pages far from the edit after the
		// reload says when it has made them all.
		if _, err := waitLine(lines, finishedRe); err != nil {
			return nil, fmt.Errorf("edit %d: %w", i+1, err)
		}
		r.all = time.Since(start)
		out = append(out, r)
		time.Sleep(300 * time.Millisecond) // let the watcher settle between edits
	}
	return out, nil
}

// waitLine returns the first submatch of re in the next matching line.
func waitLine(lines <-chan string, re *regexp.Regexp) (string, error) {
	timeout := time.After(time.Minute)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				return "", io.ErrUnexpectedEOF
			}
			if m := re.FindStringSubmatch(l); m != nil {
				return m[1], nil
			}
		case <-timeout:
			return "", fmt.Errorf("no line matching %s", re)
		}
	}
}

// copyTree copies the folder src to dst; a missing src copies nothing.
func copyTree(src, dst string) error {
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if os.IsNotExist(err) {
		return nil
	}
	return err
}
