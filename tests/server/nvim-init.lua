-- Headless Neovim as a real LSP client of `waflow server` (tests/server.rs runs it).
-- Written for the Neovim Debian ships (0.7): vim.lsp.start_client and
-- buf_attach_client (vim.lsp.start came in 0.8). Opens $WAFLOW_FLOW, waits for the
-- diagnostics Neovim received, writes them to $WAFLOW_OUT as JSON and quits.
local bin = os.getenv('WAFLOW_BIN')
local flow = os.getenv('WAFLOW_FLOW')
local out = os.getenv('WAFLOW_OUT')

local function finish(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(flow))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'waflow',
  cmd = { bin, 'server' },
  root_dir = vim.fn.fnamemodify(flow, ':h'),
})
if not id then
  finish({ ok = false, error = 'start_client failed' })
  return
end
vim.lsp.buf_attach_client(buf, id)
local ok = vim.wait(20000, function()
  return #vim.diagnostic.get(buf) > 0
end, 20)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(diagnostics, {
    lnum = d.lnum,
    col = d.col,
    end_col = d.end_col,
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = d.code or lsp.code,
  })
end
local version = vim.version()
finish({
  ok = ok,
  nvim = string.format('%d.%d.%d', version.major, version.minor, version.patch),
  diagnostics = diagnostics,
})
