// Command reportsite builds bilingual report websites from Markdown sections
// and TOML data tables. Run `reportsite help` for the sub-commands.
package main

import (
	"context"
	"os"
	"os/signal"

	"reportsite/internal/cli"
)

func main() {
	cli.TuneMemory()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
