// Bundles the rich editors the demo helpdesk offers (ProseMirror, Quill,
// CKEditor 5) from npm into www/gen/vendor/. Filled in with the demo helpdesk.
console.log('vendor: no editors bundled yet');
