// Command lua-health runs Argo CD resource health checks the way Argo CD runs them: each
// <dir>/<group>/<Kind>/health.lua with gopher-lua, the object as the global `obj`, against the
// cases in health_test.yaml next to it (Argo CD's resource_customizations layout:
// tests[].inputPath and tests[].healthStatus.{status,message}).
//
// Usage: lua-health DIR. It prints one line per case and "N passed, N failed"; it exits non-zero
// when a case fails or none was found.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	lua "github.com/yuin/gopher-lua"
	"gopkg.in/yaml.v3"
)

type healthTest struct {
	Tests []struct {
		InputPath    string `yaml:"inputPath"`
		HealthStatus struct {
			Status  string `yaml:"status"`
			Message string `yaml:"message"`
		} `yaml:"healthStatus"`
	} `yaml:"tests"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: lua-health DIR")
		os.Exit(2)
	}
	scripts, err := filepath.Glob(filepath.Join(os.Args[1], "*", "*", "health.lua"))
	if err != nil {
		fail(err)
	}
	sort.Strings(scripts)
	passed, failed := 0, 0
	for _, script := range scripts {
		dir := filepath.Dir(script)
		var cases healthTest
		if err := readYAML(filepath.Join(dir, "health_test.yaml"), &cases); err != nil {
			fail(err)
		}
		for _, c := range cases.Tests {
			status, message, err := run(script, filepath.Join(dir, c.InputPath))
			name := filepath.Join(filepath.Base(filepath.Dir(dir)), filepath.Base(dir), c.InputPath)
			switch {
			case err != nil:
				failed++
				fmt.Printf("FAIL %s: %v\n", name, err)
			case status != c.HealthStatus.Status || message != c.HealthStatus.Message:
				failed++
				fmt.Printf("FAIL %s: got %s %q, want %s %q\n", name, status, message,
					c.HealthStatus.Status, c.HealthStatus.Message)
			default:
				passed++
				fmt.Printf("ok   %s: %s %q\n", name, status, message)
			}
		}
	}
	fmt.Printf("%d passed, %d failed\n", passed, failed)
	if failed > 0 || passed == 0 {
		os.Exit(1)
	}
}

// run evaluates the script with `obj` set to the object read from input and returns the
// status and message of the table it returns.
func run(script, input string) (string, string, error) {
	var object interface{}
	if err := readYAML(input, &object); err != nil {
		return "", "", err
	}
	// Like Argo CD: no io, os or package libraries, only what a health check needs.
	state := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer state.Close()
	for _, lib := range []struct {
		name string
		open lua.LGFunction
	}{
		{lua.BaseLibName, lua.OpenBase},
		{lua.TabLibName, lua.OpenTable},
		{lua.StringLibName, lua.OpenString},
		{lua.MathLibName, lua.OpenMath},
	} {
		state.Push(state.NewFunction(lib.open))
		state.Push(lua.LString(lib.name))
		state.Call(1, 0)
	}
	state.SetGlobal("obj", toLua(state, object))
	if err := state.DoFile(script); err != nil {
		return "", "", err
	}
	result, ok := state.Get(-1).(*lua.LTable)
	if !ok {
		return "", "", fmt.Errorf("health.lua returned %s, not a table", state.Get(-1).Type())
	}
	return lua.LVAsString(result.RawGetString("status")),
		lua.LVAsString(result.RawGetString("message")), nil
}

// toLua converts decoded YAML to Lua values the way Argo CD passes objects: maps as tables with
// string keys, lists as 1-based arrays.
func toLua(state *lua.LState, value interface{}) lua.LValue {
	switch v := value.(type) {
	case map[string]interface{}:
		table := state.NewTable()
		for key, item := range v {
			table.RawSetString(key, toLua(state, item))
		}
		return table
	case []interface{}:
		table := state.NewTable()
		for _, item := range v {
			table.Append(toLua(state, item))
		}
		return table
	case string:
		return lua.LString(v)
	case int:
		return lua.LNumber(v)
	case float64:
		return lua.LNumber(v)
	case bool:
		return lua.LBool(v)
	case nil:
		return lua.LNil
	default:
		return lua.LString(fmt.Sprint(v))
	}
}

func readYAML(path string, into interface{}) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(data, into); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "lua-health:", err)
	os.Exit(2)
}
