{{- define "poolkeeper.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "poolkeeper.serviceAccountName" -}}
{{- default (include "poolkeeper.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{- define "poolkeeper.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "poolkeeper.labels" -}}
{{ include "poolkeeper.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The subject every binding names: this release's ServiceAccount. */}}
{{- define "poolkeeper.subject" -}}
- kind: ServiceAccount
  name: {{ include "poolkeeper.serviceAccountName" . }}
  namespace: {{ .Release.Namespace }}
{{- end -}}
