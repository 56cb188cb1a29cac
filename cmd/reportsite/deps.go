package main
import (
 _ "github.com/yuin/goldmark"
 _ "github.com/BurntSushi/toml"
 _ "github.com/go-echarts/go-echarts/v2/charts"
 _ "github.com/dop251/goja"
 _ "github.com/chromedp/chromedp"
 _ "github.com/longbridgeapp/opencc"
 _ "github.com/fsnotify/fsnotify"
)
func main(){}
