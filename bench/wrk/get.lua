-- GET the URL given on the command line, anonymous or with a rotating X-Session-Token.
-- usage: wrk ... -s get.lua URL -- TOKENS_FILE|-
dofile("common.lua")

function init(args)
  load_tokens(args[1])
end

function request()
  local token = next_token()
  if token then
    return wrk.format("GET", nil, { ["X-Session-Token"] = token })
  end
  return wrk.format("GET", nil, {})
end
