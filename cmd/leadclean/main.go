// Command leadclean cleans marketing lead lists. See README.md.
package main

import (
	"os"

	"github.com/leadclean/leadclean/pkg/cli"
)

func main() { os.Exit(cli.Main()) }
