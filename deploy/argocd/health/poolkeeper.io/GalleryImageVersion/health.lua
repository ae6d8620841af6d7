-- Argo CD health of a Poolkeeper GalleryImageVersion, read from the kstatus conditions the operator writes
-- (Ready, Reconciling, Stalled; README "Health in Argo CD and Flux"): Stalled is Degraded, Ready
-- is Healthy, anything else (not yet observed, an older generation, work under way) Progressing.
local hs = {}
local status = obj.status
if status == nil or status.conditions == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe the image version"
  return hs
end
if status.observedGeneration ~= nil and obj.metadata.generation ~= nil
    and status.observedGeneration < obj.metadata.generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. obj.metadata.generation
  return hs
end
local conditions = {}
for _, condition in ipairs(status.conditions) do
  conditions[condition.type] = condition
end
local function holds(type)
  return conditions[type] ~= nil and conditions[type].status == "True"
end
local function says(type)
  if conditions[type] == nil or conditions[type].message == nil then
    return ""
  end
  return conditions[type].message
end
if holds("Stalled") then
  hs.status = "Degraded"
  hs.message = says("Stalled")
  return hs
end
if holds("Ready") then
  hs.status = "Healthy"
  hs.message = says("Ready")
  return hs
end
hs.status = "Progressing"
hs.message = says("Reconciling")
if hs.message == "" then
  hs.message = says("Ready")
end
if status.replicationState ~= nil then
  hs.message = hs.message .. " (replication " .. status.replicationState .. ")"
end
return hs
