// Runs the Argo CD health checks in deploy/argocd/health with gopher-lua, the Lua interpreter
// Argo CD embeds (see main.go); ArgoCdHealthChecksTest builds and runs it.
module poolkeeper.invalid/hack/lua-health

go 1.26.0

require (
	github.com/yuin/gopher-lua v1.1.1
	gopkg.in/yaml.v3 v3.0.1
)
