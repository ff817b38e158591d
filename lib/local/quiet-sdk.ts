// Lambda runs Node.js 22; Node 20 on a developer's machine is supported here on purpose, so the
// SDK's end-of-support notice is noise. Imported first by the local entry points.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
