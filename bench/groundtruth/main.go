// Command groundtruth lists every composite literal of named types in a Go source tree, using
// the Go toolchain's own parser (go/parser, go/ast): the reference that bench/sites.mjs holds
// `microplan sites` and grep to.
//
// A literal's type is matched by name, as `microplan sites T` does for a bare T: `T{}`,
// `pkg.T{}`, `T[int]{}`, and elided element literals (`[]T{{…}}`, `[]*T{{…}}`,
// `map[K]T{k: {…}}`, map keys too) whose type comes from the enclosing literal.
//
// Usage: go run main.go -root DIR [-types A,B] [-top N]
// Output (JSON): {"failed": [files that do not parse], "sites": {"T": ["file:line", …]}, "top": [["T", n], …]}
package main

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type output struct {
	Failed []string            `json:"failed"`
	Sites  map[string][]string `json:"sites"`
	Top    [][2]interface{}    `json:"top"`
}

func main() {
	root := flag.String("root", "", "source tree to scan")
	types := flag.String("types", "", "comma-separated type names to list sites of")
	top := flag.Int("top", 0, "also list the N type names with the most literal sites")
	flag.Parse()

	wanted := map[string]bool{}
	for _, t := range strings.Split(*types, ",") {
		if t != "" {
			wanted[t] = true
		}
	}
	out := output{Failed: []string{}, Sites: map[string][]string{}, Top: [][2]interface{}{}}
	for t := range wanted {
		out.Sites[t] = []string{}
	}
	counts := map[string]int{}
	fset := token.NewFileSet()

	err := filepath.WalkDir(*root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(*root, path)
		rel = filepath.ToSlash(rel)
		file, perr := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if perr != nil {
			out.Failed = append(out.Failed, rel)
			return nil
		}
		record := func(name string, pos token.Pos) {
			if name == "" {
				return
			}
			counts[name]++
			if wanted[name] {
				out.Sites[name] = append(out.Sites[name], rel+":"+itoa(fset.Position(pos).Line))
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || lit.Type == nil {
				return true // elided literals are handled by their enclosing literal
			}
			record(typeName(lit.Type), lit.Pos())
			elided(lit, lit.Type, record)
			return true
		})
		return nil
	})
	if err != nil {
		panic(err)
	}
	for t := range out.Sites {
		sort.Strings(out.Sites[t])
	}
	if *top > 0 {
		names := make([]string, 0, len(counts))
		for n := range counts {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool { return counts[names[i]] > counts[names[j]] })
		for i := 0; i < *top && i < len(names); i++ {
			out.Top = append(out.Top, [2]interface{}{names[i], counts[names[i]]})
		}
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}

// elided records the type-less element literals of lit, whose type is typ, recursively.
func elided(lit *ast.CompositeLit, typ ast.Expr, record func(string, token.Pos)) {
	key, value := elementTypes(typ)
	if value == nil {
		return
	}
	visit := func(e ast.Expr, t ast.Expr) {
		inner, ok := e.(*ast.CompositeLit)
		if !ok || inner.Type != nil || t == nil {
			return
		}
		t = deref(t)
		record(typeName(t), inner.Pos())
		elided(inner, t, record)
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			visit(kv.Key, key)
			visit(kv.Value, value)
		} else {
			visit(elt, value)
		}
	}
}

// elementTypes: (key, element) of an array, slice or map type; key is nil except for maps.
func elementTypes(t ast.Expr) (ast.Expr, ast.Expr) {
	switch t := t.(type) {
	case *ast.ArrayType:
		return nil, t.Elt
	case *ast.MapType:
		return t.Key, t.Value
	case *ast.ParenExpr:
		return elementTypes(t.X)
	}
	return nil, nil
}

func deref(t ast.Expr) ast.Expr {
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		default:
			return t
		}
	}
}

// typeName: "T" for T, pkg.T, T[int], T[K, V]; "" for unnamed types.
func typeName(t ast.Expr) string {
	switch t := t.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.SelectorExpr:
		return t.Sel.Name
	case *ast.IndexExpr:
		return typeName(t.X)
	case *ast.IndexListExpr:
		return typeName(t.X)
	case *ast.ParenExpr:
		return typeName(t.X)
	}
	return ""
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
