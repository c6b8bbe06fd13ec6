-- POST {"body": ...} to the URL given on the command line, as many signed-in users
-- (rotating X-Session-Token), with varied English and Korean bodies.
-- usage: wrk ... -s post.lua URL -- TOKENS_FILE
dofile("common.lua")

local openers = {
  "Thanks for the clear reporting.",
  "I'm not sure the numbers add up here.",
  "좋은 기사 감사합니다.",
  "이 부분은 조금 더 설명이 필요해 보입니다.",
  "Has anyone asked the ministry for a comment?",
  "The second paragraph says it best.",
  "지역 주민들의 의견도 듣고 싶네요.",
  "Finally someone looks at the budget line by line.",
}
local middles = {
  "",
  " The same thing happened in my town last year and nobody followed up.",
  " 작년에도 비슷한 일이 있었는데 달라진 게 없습니다.",
  " I would love to see the full data behind the chart.",
  " 후속 보도 기다리겠습니다.",
  " Transit, housing and schools all depend on this decision, so it deserves more attention than it gets.",
}

function init(args)
  load_tokens(args[1])
  assert(#tokens > 0, "post.lua needs a tokens file")
end

function request()
  local token = next_token()
  local body = openers[(n % #openers) + 1] .. middles[(n % #middles) + 1] ..
    " #" .. tostring(thread_id or 1) .. "-" .. tostring(n)
  return wrk.format("POST", nil, {
    ["X-Session-Token"] = token,
    ["Content-Type"] = "application/json",
  }, '{"body": "' .. body .. '"}')
end
